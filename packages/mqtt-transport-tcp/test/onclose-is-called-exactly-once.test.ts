import { createServer, type Socket } from 'node:net';
import type { MqttError } from '@x/mqtt-codec';
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

async function open(): Promise<{ closes: Array<MqttError | undefined>; connection: Awaited<ReturnType<ReturnType<typeof tcpTransport>['connect']>> }> {
  const closes: Array<MqttError | undefined> = [];
  peer = undefined;
  const connection = await tcpTransport({ host: '127.0.0.1', port }).connect({ onData() {}, onDrain() {}, onClose: (error) => closes.push(error) });
  await expect.poll(() => peer).toBeDefined();
  return { closes, connection };
}
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

test('the peer closing reports CONNECTION_CLOSED once, even if destroy() follows', async () => {
  const { closes, connection } = await open();
  peer?.end();
  await expect.poll(() => closes.length).toBe(1);
  connection.destroy();
  await settle();
  expect(closes).toHaveLength(1);
  expect(closes[0]?.code).toBe('CONNECTION_CLOSED');
});

test('destroy() reports no error once, even when called twice', async () => {
  const { closes, connection } = await open();
  connection.destroy();
  connection.destroy();
  await expect.poll(() => closes.length).toBe(1);
  await settle();
  expect(closes).toEqual([undefined]);
});

test('destroy(error) reports that error', async () => {
  const { closes, connection } = await open();
  const { MqttError } = await import('@x/mqtt-codec');
  const reason = new MqttError('KEEPALIVE_TIMEOUT', 'no PINGRESP');
  connection.destroy(reason);
  await expect.poll(() => closes.length).toBe(1);
  expect(closes[0]).toBe(reason);
});

test('end() flushes, reports no error once, and a write after it returns false', async () => {
  const { closes, connection } = await open();
  const received: Buffer[] = [];
  peer?.on('data', (chunk: Buffer) => received.push(chunk));
  peer?.on('end', () => peer?.end());
  connection.write(Uint8Array.of(0xe0, 0x00));
  connection.end();
  expect(connection.write(Uint8Array.of(1))).toBe(false);
  await expect.poll(() => closes.length).toBe(1);
  await settle();
  expect(closes).toEqual([undefined]);
  expect(Buffer.concat(received)).toEqual(Buffer.from([0xe0, 0x00]));
});
