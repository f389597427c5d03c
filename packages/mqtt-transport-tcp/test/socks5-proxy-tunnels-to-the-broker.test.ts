import { CONNACK_ACCEPTED, connectAndReadConnack, startMosquitto, startSocks5Proxy, type MosquittoBroker, type TestProxy } from '@x/test-brokers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tcpTransport } from '../src/index.js';

let broker: MosquittoBroker<'mqtt'>;
let open: TestProxy;
let guarded: TestProxy;
beforeAll(async () => {
  [broker, open, guarded] = await Promise.all([startMosquitto(), startSocks5Proxy(), startSocks5Proxy({ username: 'proxy-user', password: 'proxy-pass' })]);
});
afterAll(async () => {
  await Promise.all([broker?.stop(), open?.close(), guarded?.close()]);
});

test('CONNECT through a SOCKS5 proxy without authentication gets a CONNACK', async () => {
  const transport = tcpTransport({ host: '127.0.0.1', port: broker.ports.mqtt, proxy: { type: 'socks5', host: '127.0.0.1', port: open.port } });
  const exchange = await connectAndReadConnack(transport);
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  expect(open.tunnels).toEqual([`127.0.0.1:${broker.ports.mqtt}`]);
  await exchange.disconnect();
});

test('CONNECT through a SOCKS5 proxy with username/password gets a CONNACK, the host name resolved by the proxy', async () => {
  const proxy = { type: 'socks5', host: '127.0.0.1', port: guarded.port, username: 'proxy-user', password: 'proxy-pass' } as const;
  const exchange = await connectAndReadConnack(tcpTransport({ host: 'localhost', port: broker.ports.mqtt, proxy }));
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  expect(guarded.tunnels).toContain(`localhost:${broker.ports.mqtt}`);
  await exchange.disconnect();
});

test('a wrong SOCKS5 password fails with PROXY_ERROR', async () => {
  const proxy = { type: 'socks5', host: '127.0.0.1', port: guarded.port, username: 'proxy-user', password: 'nope' } as const;
  const failure = await tcpTransport({ host: '127.0.0.1', port: broker.ports.mqtt, proxy }).connect({ onData() {}, onDrain() {}, onClose() {} }).catch((e: unknown) => e);
  expect(failure).toMatchObject({ code: 'PROXY_ERROR' });
  expect((failure as Error).message).toContain('username or password');
});

test('no credentials for a proxy that requires them fails with PROXY_ERROR', async () => {
  const proxy = { type: 'socks5', host: '127.0.0.1', port: guarded.port } as const;
  await expect(tcpTransport({ host: '127.0.0.1', port: broker.ports.mqtt, proxy }).connect({ onData() {}, onDrain() {}, onClose() {} })).rejects.toMatchObject({
    code: 'PROXY_ERROR',
  });
});

test('a target the proxy cannot reach fails with PROXY_ERROR carrying the SOCKS5 reply', async () => {
  const closedPort = (await import('@x/test-brokers')).freePort;
  const proxy = { type: 'socks5', host: '127.0.0.1', port: open.port } as const;
  const failure = await tcpTransport({ host: '127.0.0.1', port: await closedPort(), proxy }).connect({ onData() {}, onDrain() {}, onClose() {} }).catch((e: unknown) => e);
  expect(failure).toMatchObject({ code: 'PROXY_ERROR' });
  expect((failure as Error).message).toContain('connection refused');
});
