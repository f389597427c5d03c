import { CONNACK_ACCEPTED, connectAndReadConnack, startHttpConnectProxy, startMosquitto, type MosquittoBroker, type TestProxy } from '@x/test-brokers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { wsTransport } from '../src/index.js';

let broker: MosquittoBroker<'ws'>;
let proxy: TestProxy;
beforeAll(async () => {
  [broker, proxy] = await Promise.all([startMosquitto({ listeners: ['ws'] }), startHttpConnectProxy({ username: 'u', password: 'p' })]);
});
afterAll(async () => {
  await Promise.all([broker?.stop(), proxy?.close()]);
});

test('ws:// through an authenticated HTTP CONNECT proxy: CONNECT gets a CONNACK and the tunnel went to the broker', async () => {
  const transport = wsTransport({ host: '127.0.0.1', port: broker.ports.ws, proxy: { type: 'http', host: '127.0.0.1', port: proxy.port, username: 'u', password: 'p' } });
  const exchange = await connectAndReadConnack(transport);
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  expect(proxy.tunnels).toEqual([`127.0.0.1:${broker.ports.ws}`]);
  await exchange.disconnect();
});
