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
const handlers = { onData() {}, onDrain() {}, onClose() {} };

test('an already aborted signal fails connect with ABORTED without opening a socket', async () => {
  const failure = await tcpTransport({ host: '127.0.0.1', port: 1 })
    .connect(handlers, { signal: AbortSignal.abort('no') })
    .catch((error: unknown) => error);
  expect(failure).toMatchObject({ code: 'ABORTED', cause: 'no' });
});

test('aborting while the proxy handshake hangs fails with ABORTED and closes the socket', async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as { port: number };
  const controller = new AbortController();
  const pending = tcpTransport({ host: '127.0.0.1', port: 1883, proxy: { type: 'http', host: '127.0.0.1', port } }).connect(handlers, { signal: controller.signal });
  await expect.poll(() => accepted.length).toBe(1);
  controller.abort();
  await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  await expect.poll(() => closed.length).toBe(1);
});
