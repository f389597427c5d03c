import { CONNACK_ACCEPTED, connectAndReadConnack, freePort, startHttpConnectProxy, startMosquitto, type MosquittoBroker, type TestProxy } from '@x/test-brokers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tcpTransport } from '../src/index.js';

let broker: MosquittoBroker<'mqtt'>;
let open: TestProxy;
let guarded: TestProxy;
beforeAll(async () => {
  [broker, open, guarded] = await Promise.all([startMosquitto(), startHttpConnectProxy(), startHttpConnectProxy({ username: 'proxy-user', password: 'proxy-pass' })]);
});
afterAll(async () => {
  await Promise.all([broker?.stop(), open?.close(), guarded?.close()]);
});
const handlers = { onData() {}, onDrain() {}, onClose() {} };

test('CONNECT through an HTTP CONNECT proxy gets a CONNACK', async () => {
  const transport = tcpTransport({ host: '127.0.0.1', port: broker.ports.mqtt, proxy: { type: 'http', host: '127.0.0.1', port: open.port } });
  const exchange = await connectAndReadConnack(transport);
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  expect(open.tunnels).toEqual([`127.0.0.1:${broker.ports.mqtt}`]);
  await exchange.disconnect();
});

test('CONNECT through an HTTP CONNECT proxy with Basic authentication gets a CONNACK', async () => {
  const proxy = { type: 'http', host: '127.0.0.1', port: guarded.port, username: 'proxy-user', password: 'proxy-pass' } as const;
  const exchange = await connectAndReadConnack(tcpTransport({ host: '127.0.0.1', port: broker.ports.mqtt, proxy }));
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});

test('a 407 from the proxy fails with PROXY_ERROR naming the status', async () => {
  const proxy = { type: 'http', host: '127.0.0.1', port: guarded.port, username: 'proxy-user', password: 'wrong' } as const;
  const failure = await tcpTransport({ host: '127.0.0.1', port: broker.ports.mqtt, proxy }).connect(handlers).catch((e: unknown) => e);
  expect(failure).toMatchObject({ code: 'PROXY_ERROR' });
  expect((failure as Error).message).toContain('407');
});

test('a proxy that is not listening fails with PROXY_ERROR, ECONNREFUSED in the message', async () => {
  const proxy = { type: 'http', host: '127.0.0.1', port: await freePort() } as const;
  const failure = await tcpTransport({ host: '127.0.0.1', port: broker.ports.mqtt, proxy }).connect(handlers).catch((e: unknown) => e);
  expect(failure).toMatchObject({ code: 'PROXY_ERROR' });
  expect((failure as Error).message).toContain('ECONNREFUSED');
});
