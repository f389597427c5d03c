import { CONNACK_ACCEPTED, connectAndReadConnack } from '@x/test-brokers';
import { expect, test } from 'vitest';
import { tlsTransport } from '../src/index.js';
import { failureOf, noHandlers, useTlsBroker } from './shared-broker.js';

const ctx = useTlsBroker();

test('a certificate for another host name fails with TLS_ERROR ERR_TLS_CERT_ALTNAME_INVALID', async () => {
  const failure = await failureOf(tlsTransport({ host: 'localhost', port: ctx.broker.ports.mqttsWrongHost, ca: ctx.pki.ca.cert }).connect(noHandlers));
  expect(failure.code).toBe('TLS_ERROR');
  expect(failure.message).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
});

test('with insecure: true the same certificate is accepted (chain verified, host name not checked)', async () => {
  const transport = tlsTransport({ host: 'localhost', port: ctx.broker.ports.mqttsWrongHost, ca: ctx.pki.ca.cert, insecure: true });
  const exchange = await connectAndReadConnack(transport);
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});

test('servername names the host the certificate must match', async () => {
  const transport = tlsTransport({ host: '127.0.0.1', port: ctx.broker.ports.mqttsWrongHost, ca: ctx.pki.ca.cert, servername: 'wrong.example' });
  const exchange = await connectAndReadConnack(transport);
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});
