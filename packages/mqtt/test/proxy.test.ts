import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHttpConnectProxy, startSocks5Proxy, type TestProxy } from '@x/test-brokers';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();
let socks: TestProxy;
let http: TestProxy;
beforeAll(async () => {
  socks = await startSocks5Proxy({ username: 'p', password: 'q' });
  http = await startHttpConnectProxy();
});
afterAll(async () => {
  await socks.close();
  await http.close();
});

for (const kind of ['socks5', 'http'] as const) {
  it(`proxySet({ type: '${kind}' }) tunnels the connection through the proxy`, async () => {
    const proxy = kind === 'socks5' ? socks : http;
    const client = newClient();
    client.proxySet({ type: kind, host: proxy.host, port: proxy.port, ...(kind === 'socks5' ? { username: 'p', password: 'q' } : {}) });
    await client.connect('127.0.0.1', env.broker.ports.mqtt);
    const topic = uniqueTopic(`proxy-${kind}`);
    await client.subscribe(topic, 1);
    await client.publish(topic, 'tunnelled', 1);
    expect(proxy.tunnels).toContain(`127.0.0.1:${env.broker.ports.mqtt}`);
  });
}

it('a SOCKS5 proxy that refuses the credentials gives PROXY_ERROR', async () => {
  const client = newClient({ autoReconnect: false });
  client.proxySet({ type: 'socks5', host: socks.host, port: socks.port, username: 'p', password: 'wrong' });
  await expect(client.connect('127.0.0.1', env.broker.ports.mqtt)).rejects.toMatchObject({ code: 'PROXY_ERROR' });
});
