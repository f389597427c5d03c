import { createServer, type Socket } from 'node:net';
import { afterAll, expect, test } from 'vitest';
import { tcpTransport } from '../src/index.js';

const accepted: Socket[] = [];
const closed: Socket[] = [];
/** Accepts, reads and never answers. */
const silent = createServer((socket) => {
  accepted.push(socket);
  socket.on('data', () => undefined);
  socket.on('close', () => closed.push(socket));
});
afterAll(async () => {
  for (const socket of accepted) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

test('a SOCKS5 proxy that accepts but never answers fails the connect with CONNECT_TIMEOUT and the socket is closed', async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as { port: number };
  const transport = tcpTransport({ host: '127.0.0.1', port: 1883, connectTimeout: 200, proxy: { type: 'socks5', host: '127.0.0.1', port } });
  const started = Date.now();
  const failure = await transport.connect({ onData() {}, onDrain() {}, onClose() {} }).catch((error: unknown) => error);
  expect(failure).toMatchObject({ code: 'CONNECT_TIMEOUT' });
  expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  await expect.poll(() => closed.length).toBe(1);
});
