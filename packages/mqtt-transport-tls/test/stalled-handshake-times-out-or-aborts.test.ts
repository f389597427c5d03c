import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tlsTransport } from '../src/index.js';
import { failureOf, noHandlers } from './shared-broker.js';

const closed: Socket[] = [];
const accepted: Socket[] = [];
/** Accepts TCP, reads the ClientHello and never answers it. */
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

test('a TLS handshake that never completes fails with CONNECT_TIMEOUT and the socket is closed', async () => {
  const failure = await failureOf(tlsTransport({ host: '127.0.0.1', port, connectTimeout: 150 }).connect(noHandlers));
  expect(failure.code).toBe('CONNECT_TIMEOUT');
  await expect.poll(() => closed.length).toBe(accepted.length);
});

test('aborting during the TLS handshake fails with ABORTED', async () => {
  const controller = new AbortController();
  const pending = tlsTransport({ host: '127.0.0.1', port }).connect(noHandlers, { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  expect((await failureOf(pending)).code).toBe('ABORTED');
  await expect.poll(() => closed.length).toBe(accepted.length);
});
