import { createServer, type Socket } from 'node:net';
import { freePort } from '@x/test-brokers';
import { afterAll, expect, test } from 'vitest';
import { tcpTransport } from '../src/index.js';

let peer: Socket | undefined;
const server = createServer((socket) => (peer = socket));
afterAll(async () => {
  peer?.destroy();
  await new Promise((resolve) => server.close(resolve));
});

test('bindAddress and bindPort choose the local address and port the broker sees', async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const bindPort = await freePort();
  const connection = await tcpTransport({ host: '127.0.0.1', port, bindAddress: '127.0.0.1', bindPort }).connect({ onData() {}, onDrain() {}, onClose() {} });
  await expect.poll(() => peer).toBeDefined();
  expect(peer?.remoteAddress).toBe('127.0.0.1');
  expect(peer?.remotePort).toBe(bindPort);
  connection.destroy();
});
