import { expect, test } from 'vitest';
import { tlsTransport } from '../src/index.js';
import { failureOf, noHandlers, useTlsBroker } from './shared-broker.js';

const ctx = useTlsBroker();

test('trusting only an unrelated CA fails with TLS_ERROR carrying the OpenSSL code', async () => {
  const failure = await failureOf(tlsTransport({ host: 'localhost', port: ctx.broker.ports.mqtts, ca: ctx.pki.otherCa.cert }).connect(noHandlers));
  expect(failure.code).toBe('TLS_ERROR');
  // mosquitto sends its CA along, so OpenSSL finds a self-signed root it does not trust
  const opensslCode = (failure.cause as { code?: string }).code;
  expect(opensslCode).toMatch(/^(SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/);
  expect(failure.message).toContain(opensslCode);
});

test('insecure does not skip chain verification: an unrelated CA still fails with TLS_ERROR', async () => {
  const transport = tlsTransport({ host: 'localhost', port: ctx.broker.ports.mqtts, ca: ctx.pki.otherCa.cert, insecure: true });
  expect((await failureOf(transport.connect(noHandlers))).code).toBe('TLS_ERROR');
});
