import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { wsTransport } from '../src/index.js';

const accepted: Socket[] = [];
const closed: Socket[] = [];
/** Accepts TCP, reads the upgrade request and never answers it. */
const silent = createServer((socket) => {
  accepted.push(socket);
  socket.on('data', () => undefined);
  socket.on('close', () => closed.push(socket));
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  port = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  for (const socket of accepted) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});
const handlers = { onData() {}, onDrain() {}, onClose() {} };

test('an upgrade that is never answered fails with CONNECT_TIMEOUT and the socket is closed', async () => {
  const failure = await wsTransport({ host: '127.0.0.1', port, connectTimeout: 150 }).connect(handlers).catch((error: unknown) => error);
  expect(failure).toMatchObject({ code: 'CONNECT_TIMEOUT' });
  await expect.poll(() => closed.length).toBe(accepted.length);
});

test('aborting while the upgrade hangs fails with ABORTED', async () => {
  const controller = new AbortController();
  const pending = wsTransport({ host: '127.0.0.1', port }).connect(handlers, { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  await expect.poll(() => closed.length).toBe(accepted.length);
});
