// Issue 11 items 5, 6 and 8: disconnect() aborts a pending connect(); connect() then reconnect()
// opens one socket; with a session store, a publish made before connect() settles and a second
// concurrent connect() is refused with INVALID_STATE.
import { expect, it } from 'vitest';
import { MemorySessionStore } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('connect(); await disconnect() rejects connect() with ABORTED and leaves no connection', async () => {
  const client = newClient();
  let opened = 0;
  let closed = 0;
  client.onSocketOpen = () => opened++;
  client.onSocketClose = () => closed++;
  const pending = client.connect('127.0.0.1', env.broker.ports.mqtt);
  const outcome = pending.then(() => 'connected', (e: { code?: string }) => e.code);
  await client.disconnect();
  expect(await outcome).toBe('ABORTED');
  await new Promise((r) => setTimeout(r, 200));
  expect(client.isConnected()).toBe(false);
  expect(opened).toBe(closed);
});

it('connect(); reconnect() opens one socket and connect() resolves', async () => {
  const client = newClient();
  let opened = 0;
  client.onSocketOpen = () => opened++;
  const first = client.connect('127.0.0.1', env.broker.ports.mqtt);
  const second = client.reconnect();
  await expect(first).resolves.toMatchObject({ reasonCode: 0 });
  await expect(second).resolves.toMatchObject({ reasonCode: 0 });
  expect(opened).toBe(1);
  expect(client.isConnected()).toBe(true);
});

it('with a session store: a publish before connect() settles, and a second connect() rejects INVALID_STATE', async () => {
  const client = newClient({ clientId: `store-${process.pid}`, cleanSession: false, sessionStore: new MemorySessionStore() });
  const early = client.publish(uniqueTopic('store'), 'early', 1);
  const first = client.connect('127.0.0.1', env.broker.ports.mqtt);
  await expect(client.connect('127.0.0.1', env.broker.ports.mqtt)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  await first;
  await expect(early.waitForPublish({ timeoutMs: 5_000 })).resolves.toBeUndefined();
  await client.disconnect();
  expect(client.isConnected()).toBe(false);
});
