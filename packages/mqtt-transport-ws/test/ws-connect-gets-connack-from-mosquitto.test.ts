import { CONNACK_ACCEPTED, connectAndReadConnack, startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import type WebSocket from 'ws';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { wsTransport } from '../src/index.js';

let broker: MosquittoBroker<'ws'>;
beforeAll(async () => {
  broker = await startMosquitto({ listeners: ['ws'] });
});
afterAll(async () => {
  await broker?.stop();
});

test('host and port (default path /mqtt) reach mosquitto, sub-protocol mqtt is agreed and CONNECT gets a CONNACK', async () => {
  const exchange = await connectAndReadConnack(wsTransport({ host: '127.0.0.1', port: broker.ports.ws }));
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  expect((exchange.connection as { raw?: WebSocket }).raw?.protocol).toBe('mqtt');
  expect(await exchange.disconnect()).toBeUndefined();
});

test('a ws:// URL with custom headers reaches mosquitto and CONNECT gets a CONNACK', async () => {
  const transport = wsTransport({ url: `ws://localhost:${broker.ports.ws}/mqtt`, headers: { 'X-Test-Client': 'transport-ws' } });
  const exchange = await connectAndReadConnack(transport);
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});

test('MQTT 3.1 over WebSockets offers mqttv3.1, which mosquitto accepts', async () => {
  const exchange = await connectAndReadConnack(wsTransport({ host: '127.0.0.1', port: broker.ports.ws }), { protocolVersion: 3 });
  expect((exchange.connection as { raw?: WebSocket }).raw?.protocol).toBe('mqttv3.1');
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});
