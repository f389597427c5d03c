// Issue 13 item 6: the one engine reads the settings at each CONNECT, so usernamePwSet() and
// willSet() called after connect() take effect at the next connection (reconnect() included).
import { expect, it } from 'vitest';
import { MQTTv311 } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto({ users: [{ username: 'alice', password: 'old' }, { username: 'bob', password: 'new' }] });

it('usernamePwSet() after connect(): reconnect() sends the new credentials', async () => {
  const client = newClient({ protocol: MQTTv311 });
  client.usernamePwSet('alice', 'old');
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  client.usernamePwSet('alice', 'wrong');
  await expect(client.reconnect()).rejects.toMatchObject({ code: 'CONNECTION_REFUSED' });
  client.usernamePwSet('bob', 'new');
  await expect(client.reconnect()).resolves.toMatchObject({ reasonCode: 0 });
  expect(client.isConnected()).toBe(true);
});

it('willSet() after connect(): the will of the next connection is the new one', async () => {
  const topic = uniqueTopic('late-will');
  const watcher = newClient();
  watcher.usernamePwSet('bob', 'new');
  await watcher.connect('127.0.0.1', env.broker.ports.mqtt);
  const got: string[] = [];
  watcher.onMessage = (_c, _u, m) => got.push(m.text());
  await watcher.subscribe(topic, 0);

  const client = newClient({ autoReconnect: false });
  client.usernamePwSet('alice', 'old');
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  client.willSet(topic, 'gone', 0);
  await client.reconnect();
  (client.socket() as { destroy(): void }).destroy(); // lost without DISCONNECT: the broker publishes the will
  await expect.poll(() => got, { timeout: 5_000 }).toEqual(['gone']);
});
