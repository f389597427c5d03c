import { CONNACK_ACCEPTED, connectAndReadConnack, startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tcpTransport } from '../src/index.js';

let broker: MosquittoBroker<'mqtt'>;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(async () => {
  await broker?.stop();
});

test('CONNECT over TCP to mosquitto is answered with an accepting CONNACK', async () => {
  const exchange = await connectAndReadConnack(tcpTransport({ host: '127.0.0.1', port: broker.ports.mqtt }));
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  expect(await exchange.disconnect()).toBeUndefined();
});

test('MQTT 5 CONNECT over TCP is answered with a v5 CONNACK (reason code 0)', async () => {
  const exchange = await connectAndReadConnack(tcpTransport({ host: '127.0.0.1', port: broker.ports.mqtt }), { protocolVersion: 5 });
  expect(exchange.connack[0]).toBe(0x20);
  expect(exchange.connack[3]).toBe(0x00);
  await exchange.disconnect();
});
