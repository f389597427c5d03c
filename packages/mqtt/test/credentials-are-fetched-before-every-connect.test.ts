// Issue 14 item 2: a credentials provider is called before every CONNECT, reconnects included, so
// a token that expires is fetched fresh each time; a provider that throws fails that connect with
// AUTH_ERROR, one that hangs is bounded by the connect timeout. Against mosquitto with a password file.
import { expect, it } from 'vitest';
import { MQTTv311 } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto({ users: [{ username: 'svc', password: 'token-2' }] });

it('each connect asks the provider: a stale token is refused, the fresh one on the next connect is accepted', async () => {
  const tokens = ['token-1', 'token-2', 'token-2'];
  const asked: string[] = [];
  const client = newClient({
    protocol: MQTTv311,
    autoReconnect: false,
    credentials: async () => {
      const password = tokens.shift() ?? 'none';
      asked.push(password);
      return { username: 'svc', password };
    },
  });
  await expect(client.connect('127.0.0.1', env.broker.ports.mqtt)).rejects.toMatchObject({ code: 'CONNECTION_REFUSED' });
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  expect(client.isConnected()).toBe(true);
  await client.reconnect();
  expect(client.isConnected()).toBe(true);
  expect(asked).toEqual(['token-1', 'token-2', 'token-2']);
  await client.disconnect();
});

it('a provider that throws fails the connect with AUTH_ERROR; one that never answers is cut off by the connect timeout', async () => {
  const failing = newClient({ autoReconnect: false, credentials: () => Promise.reject(new Error('vault unreachable')) });
  await expect(failing.connect('127.0.0.1', env.broker.ports.mqtt)).rejects.toMatchObject({ code: 'AUTH_ERROR' });
  expect(failing.isConnected()).toBe(false);
  const hanging = newClient({ autoReconnect: false, connectTimeout: 0.3, credentials: () => new Promise(() => undefined) });
  await expect(hanging.connect('127.0.0.1', env.broker.ports.mqtt)).rejects.toMatchObject({ code: 'CONNECT_TIMEOUT' });
});
