// pause() stops reading the socket (no onData, TCP flow control holds the peer) until resume(),
// which delivers what waited, in order.
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tcpTransport } from '../src/index.js';

let peer: Socket | undefined;
const server = createServer((socket) => {
  peer = socket;
  socket.on('error', () => undefined);
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test('bytes sent while paused arrive only after resume()', async () => {
  const received: number[] = [];
  const connection = await tcpTransport({ host: '127.0.0.1', port }).connect({ onData: (b) => received.push(...b), onDrain() {}, onClose() {} });
  await expect.poll(() => peer).toBeDefined();
  peer?.write(Buffer.from([1]));
  await expect.poll(() => received).toEqual([1]);
  connection.pause?.();
  peer?.write(Buffer.from([2, 3]));
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(received).toEqual([1]);
  connection.resume?.();
  await expect.poll(() => received).toEqual([1, 2, 3]);
  connection.destroy();
});
