// A hostile "broker" for fault tests: a raw TCP server on 127.0.0.1 that waits for the client's
// first bytes (its CONNECT) and then runs a script against the socket: garbage, lies about
// lengths, packets out of place, a never-ending trickle. It records how the client hung up.

import { createServer, type Server, type Socket } from 'node:net';
import { LOOPBACK } from '@x/test-brokers';

export type HostileScript = (socket: Socket) => void | Promise<void>;

export interface HostileBroker {
  readonly port: number;
  /** Resolves with the ms from the script's start to the client closing its side. */
  readonly clientClosed: Promise<number>;
  /** Bytes the script wrote. */
  readonly written: () => number;
  close(): Promise<void>;
}

export async function startHostileBroker(script: HostileScript): Promise<HostileBroker> {
  const sockets = new Set<Socket>();
  let written = 0;
  let resolveClosed!: (ms: number) => void;
  const clientClosed = new Promise<number>((resolve) => (resolveClosed = resolve));
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    const write = socket.write.bind(socket);
    socket.write = ((chunk: Uint8Array, ...rest: never[]) => {
      written += chunk.length;
      return write(chunk, ...rest);
    }) as Socket['write'];
    socket.once('data', () => {
      const started = Date.now();
      socket.once('close', () => resolveClosed(Date.now() - started));
      void script(socket);
    });
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : 0,
    clientClosed,
    written: () => written,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export const CONNACK = Uint8Array.of(0x20, 0x02, 0x00, 0x00);

/** Writes `bytes` one byte every `everyMs` until the socket closes. */
export function trickle(socket: Socket, bytes: Uint8Array, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= bytes.length) return clearInterval(timer);
    socket.write(bytes.subarray(i, ++i));
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

/** An MQTT variable byte integer. */
export function varint(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}
