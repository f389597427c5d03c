import type { MqttError } from '@x/mqtt-codec';
import { expect, test } from 'vitest';
import { tcpTransport } from '../src/index.js';
import { useLoopbackPeer } from './support/loopback-peer.js';

const loopback = useLoopbackPeer();

async function open(): Promise<{ closes: Array<MqttError | undefined>; connection: Awaited<ReturnType<ReturnType<typeof tcpTransport>['connect']>> }> {
  const closes: Array<MqttError | undefined> = [];
  loopback.forget();
  const connection = await tcpTransport({ host: '127.0.0.1', port: loopback.port() }).connect({ onData() {}, onDrain() {}, onClose: (error) => closes.push(error) });
  await expect.poll(() => loopback.peer()).toBeDefined();
  return { closes, connection };
}
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

test('the peer closing reports CONNECTION_CLOSED once, even if destroy() follows', async () => {
  const { closes, connection } = await open();
  loopback.peer()?.end();
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
  loopback.peer()?.on('data', (chunk: Buffer) => received.push(chunk));
  loopback.peer()?.on('end', () => loopback.peer()?.end());
  connection.write(Uint8Array.of(0xe0, 0x00));
  connection.end();
  expect(connection.write(Uint8Array.of(1))).toBe(false);
  await expect.poll(() => closes.length).toBe(1);
  await settle();
  expect(closes).toEqual([undefined]);
  expect(Buffer.concat(received)).toEqual(Buffer.from([0xe0, 0x00]));
});
