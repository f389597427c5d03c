import { createServer } from 'node:http';
import { freePort } from '@x/test-brokers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { wsTransport } from '../src/index.js';

const notFound = createServer((_request, response) => response.writeHead(404).end());
beforeAll(async () => {
  await new Promise<void>((resolve) => notFound.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => notFound.close(resolve));
});
const handlers = { onData() {}, onDrain() {}, onClose() {} };

test('an HTTP 404 instead of an upgrade fails with TRANSPORT_ERROR naming the status', async () => {
  const { port } = notFound.address() as { port: number };
  const failure = await wsTransport({ host: '127.0.0.1', port }).connect(handlers).catch((error: unknown) => error);
  expect(failure).toMatchObject({ code: 'TRANSPORT_ERROR' });
  expect((failure as Error).message).toContain('404');
});

test('a closed port fails with TRANSPORT_ERROR naming ECONNREFUSED', async () => {
  const failure = await wsTransport({ host: '127.0.0.1', port: await freePort() }).connect(handlers).catch((error: unknown) => error);
  expect(failure).toMatchObject({ code: 'TRANSPORT_ERROR' });
  expect((failure as Error).message).toContain('ECONNREFUSED');
});
