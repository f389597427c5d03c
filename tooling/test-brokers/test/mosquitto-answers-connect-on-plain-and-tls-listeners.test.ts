import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONNACK_ACCEPTED, connectAndReadConnack, startMosquitto, type MosquittoBroker } from '../src/index.js';
import { rawTransport } from './raw-socket-transport.js';

let broker: MosquittoBroker<'mqtt' | 'mqtts' | 'mqttsMutual'>;
beforeAll(async () => {
  broker = await startMosquitto({ listeners: ['mqtt', 'mqtts', 'mqttsMutual'] });
});
afterAll(async () => {
  await broker?.stop();
});

test('the plain listener answers CONNECT with an accepting CONNACK', async () => {
  const exchange = await connectAndReadConnack(rawTransport(broker.ports.mqtt));
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});

test('the TLS listener presents a certificate the test CA verifies for 127.0.0.1', async () => {
  const exchange = await connectAndReadConnack(rawTransport(broker.ports.mqtts, { ca: broker.certs?.ca.cert }));
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});

test('the mutual TLS listener accepts the test client certificate', async () => {
  const certs = broker.certs;
  const exchange = await connectAndReadConnack(rawTransport(broker.ports.mqttsMutual, { ca: certs?.ca.cert, cert: certs?.client.cert, key: certs?.client.key }));
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});
