import { CONNACK_ACCEPTED, connectAndReadConnack } from '@x/test-brokers';
import { expect, test } from 'vitest';
import { tlsTransport } from '../src/index.js';
import { useTlsBroker } from './shared-broker.js';

const ctx = useTlsBroker();

test('with the client certificate signed by the test CA, CONNECT gets a CONNACK', async () => {
  const { ca, client } = ctx.pki;
  const transport = tlsTransport({ host: 'localhost', port: ctx.broker.ports.mqttsMutual, ca: ca.certFile, cert: client.certFile, key: client.keyFile });
  const exchange = await connectAndReadConnack(transport);
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});

/** The broker may refuse during the handshake (connect rejects) or right after it (onClose): both must say TLS_ERROR. */
async function refusal(options: { cert?: string; key?: string }): Promise<{ code?: string }> {
  const transport = tlsTransport({ host: 'localhost', port: ctx.broker.ports.mqttsMutual, ca: ctx.pki.ca.cert, ...options });
  try {
    const exchange = await connectAndReadConnack(transport);
    exchange.connection.destroy();
    return { code: 'CONNACK' };
  } catch (error) {
    return error as { code?: string };
  }
}

test('without a client certificate the broker refuses with TLS_ERROR', async () => {
  expect((await refusal({})).code).toBe('TLS_ERROR');
});

test('a client certificate from an unrelated CA is refused with TLS_ERROR', async () => {
  const { otherClient } = ctx.pki;
  expect((await refusal({ cert: otherClient.cert, key: otherClient.key })).code).toBe('TLS_ERROR');
});
