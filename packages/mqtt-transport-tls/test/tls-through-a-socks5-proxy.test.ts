import { CONNACK_ACCEPTED, connectAndReadConnack, startSocks5Proxy, type TestProxy } from '@x/test-brokers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tlsTransport } from '../src/index.js';
import { useTlsBroker } from './shared-broker.js';

const ctx = useTlsBroker();
let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startSocks5Proxy({ username: 'u', password: 'p' });
});
afterAll(async () => {
  await proxy?.close();
});

test('TLS runs end to end through a SOCKS5 tunnel: verified for localhost, CONNECT gets a CONNACK', async () => {
  const transport = tlsTransport({
    host: 'localhost',
    port: ctx.broker.ports.mqtts,
    ca: ctx.pki.ca.cert,
    proxy: { type: 'socks5', host: '127.0.0.1', port: proxy.port, username: 'u', password: 'p' },
  });
  const exchange = await connectAndReadConnack(transport);
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  expect(proxy.tunnels).toEqual([`localhost:${ctx.broker.ports.mqtts}`]);
  await exchange.disconnect();
});
