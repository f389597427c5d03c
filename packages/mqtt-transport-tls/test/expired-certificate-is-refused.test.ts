import { expect, test } from 'vitest';
import { tlsTransport } from '../src/index.js';
import { failureOf, noHandlers, useTlsBroker } from './shared-broker.js';

const ctx = useTlsBroker();

test('a broker certificate past its notAfter fails with TLS_ERROR CERT_HAS_EXPIRED', async () => {
  const failure = await failureOf(tlsTransport({ host: 'localhost', port: ctx.broker.ports.mqttsExpired, ca: ctx.pki.ca.cert }).connect(noHandlers));
  expect(failure.code).toBe('TLS_ERROR');
  expect(failure.message).toContain('CERT_HAS_EXPIRED');
});
