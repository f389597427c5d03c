import { CONNACK_ACCEPTED, connectAndReadConnack, startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { wsTransport } from '../src/index.js';

let broker: MosquittoBroker<'wss'>;
beforeAll(async () => {
  broker = await startMosquitto({ listeners: ['wss'] });
});
afterAll(async () => {
  await broker?.stop();
});
const handlers = { onData() {}, onDrain() {}, onClose() {} };

test('wss:// verified with the test CA and custom headers: CONNECT gets a CONNACK', async () => {
  const transport = wsTransport({ url: `wss://localhost:${broker.ports.wss}/mqtt`, ca: broker.certs?.ca.certFile, headers: () => ({ 'X-Trace': '1' }) });
  expect(transport.name).toBe('wss');
  const exchange = await connectAndReadConnack(transport);
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});

test('wss:// without the test CA fails with TLS_ERROR', async () => {
  const failure = await wsTransport({ host: 'localhost', port: broker.ports.wss, secure: true })
    .connect(handlers)
    .catch((error: unknown) => error);
  expect(failure).toMatchObject({ code: 'TLS_ERROR' });
});

test('wss:// to a name the certificate lacks fails with TLS_ERROR, and insecure accepts it', async () => {
  const options = { host: '127.0.0.1', port: broker.ports.wss, secure: true, ca: broker.certs?.ca.cert, servername: 'wrong.example' };
  const failure = await wsTransport(options).connect(handlers).catch((error: unknown) => error);
  expect(failure).toMatchObject({ code: 'TLS_ERROR' });
  expect((failure as Error).message).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
  const exchange = await connectAndReadConnack(wsTransport({ ...options, insecure: true }));
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});
