import type { MqttError } from '@x/mqtt-codec';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { wsTransport } from '../src/index.js';
import { startLocalWsServer, type LocalWsServer } from './local-ws-server.js';

let server: LocalWsServer;
beforeAll(async () => {
  server = await startLocalWsServer();
});
afterAll(async () => {
  await server?.close();
});

test('bytes written go out as one binary frame each', async () => {
  const connection = await wsTransport({ host: '127.0.0.1', port: server.port }).connect({ onData() {}, onDrain() {}, onClose() {} });
  connection.write(Uint8Array.of(0xc0, 0x00));
  await expect.poll(() => server.received.length).toBe(1);
  expect(server.received[0]).toEqual({ data: Buffer.from([0xc0, 0x00]), isBinary: true });
  connection.destroy();
});

test('binary frames from the server arrive as bytes through onData', async () => {
  const received: number[][] = [];
  const connection = await wsTransport({ host: '127.0.0.1', port: server.port }).connect({ onData: (bytes) => received.push([...bytes]), onDrain() {}, onClose() {} });
  server.peers.at(-1)?.send(Buffer.from([0xd0, 0x00]), { binary: true });
  await expect.poll(() => received).toEqual([[0xd0, 0x00]]);
  connection.destroy();
});

test('a text frame from the server closes the connection with PROTOCOL_ERROR [MQTT-6.0.0-1]', async () => {
  const closes: Array<MqttError | undefined> = [];
  const received: Uint8Array[] = [];
  await wsTransport({ host: '127.0.0.1', port: server.port }).connect({ onData: (bytes) => received.push(bytes), onDrain() {}, onClose: (error) => closes.push(error) });
  server.peers.at(-1)?.send('not binary');
  await expect.poll(() => closes.length).toBe(1);
  expect(closes[0]?.code).toBe('PROTOCOL_ERROR');
  expect(received).toEqual([]);
});
