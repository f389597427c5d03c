import { createSecureContext } from 'node:tls';
import { CONNACK_ACCEPTED, connectAndReadConnack } from '@x/test-brokers';
import { expect, test } from 'vitest';
import { tlsTransport } from '../src/index.js';
import { useTlsBroker } from './shared-broker.js';

const ctx = useTlsBroker();

test('a ready-made SecureContext with the CA and client certificate connects to the mutual TLS listener', async () => {
  const { ca, client } = ctx.pki;
  const secureContext = createSecureContext({ ca: ca.cert, cert: client.cert, key: client.key });
  const exchange = await connectAndReadConnack(tlsTransport({ host: 'localhost', port: ctx.broker.ports.mqttsMutual, secureContext }));
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});
