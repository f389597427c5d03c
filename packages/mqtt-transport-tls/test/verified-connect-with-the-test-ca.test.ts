import { CONNACK_ACCEPTED, connectAndReadConnack } from '@x/test-brokers';
import { expect, test } from 'vitest';
import { tlsTransport } from '../src/index.js';
import { useTlsBroker } from './shared-broker.js';

const ctx = useTlsBroker();

test('the test CA given as a file path verifies mosquitto for host localhost, and CONNECT gets a CONNACK', async () => {
  const transport = tlsTransport({ host: 'localhost', port: ctx.broker.ports.mqtts, ca: ctx.pki.ca.certFile });
  const exchange = await connectAndReadConnack(transport);
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});

test('the test CA given as PEM content verifies mosquitto for IP 127.0.0.1 (IP subjectAltName)', async () => {
  const transport = tlsTransport({ host: '127.0.0.1', port: ctx.broker.ports.mqtts, ca: ctx.pki.ca.cert });
  const exchange = await connectAndReadConnack(transport);
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});

test('maxVersion TLSv1.2 is honoured', async () => {
  const transport = tlsTransport({ host: '127.0.0.1', port: ctx.broker.ports.mqtts, ca: ctx.pki.ca.cert, maxVersion: 'TLSv1.2' });
  const exchange = await connectAndReadConnack(transport);
  expect((exchange.connection as { raw?: { getProtocol(): string } }).raw?.getProtocol()).toBe('TLSv1.2');
  await exchange.disconnect();
});
