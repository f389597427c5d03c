// A raw TCP peer on 127.0.0.1 for one test file: `peer()` is the socket of the latest connection
// it accepted (undefined until then, or after `forget()`); the server closes in afterAll.
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export interface LoopbackPeer {
  /** The listening port (set once beforeAll ran). */
  port(): number;
  /** The socket of the latest accepted connection. */
  peer(): Socket | undefined;
  /** Forgets the latest socket, so the next accepted one can be awaited. */
  forget(): void;
}

export function useLoopbackPeer(): LoopbackPeer {
  let latest: Socket | undefined;
  let port = 0;
  const server = createServer((socket) => {
    latest = socket;
    socket.on('error', () => undefined);
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  return { port: () => port, peer: () => latest, forget: () => (latest = undefined) };
}
