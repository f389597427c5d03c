import { expect, it } from 'vitest';
import { MQTT_ERR_NO_CONN } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('reinitialise resets the client: new id, no queued messages, callbacks by filter cleared', async () => {
  const watcher = newClient();
  const seen: string[] = [];
  watcher.onMessage = (_c, _u, m) => seen.push(m.text());
  await watcher.connect('127.0.0.1', env.broker.ports.mqtt);
  await watcher.subscribe('x/#', 1);
  const client = newClient({ clientId: 'before' });
  client.messageCallbackAdd('x/#', () => undefined);
  const queued = client.publish('x/y', 'queued', 1);
  expect(queued.rc).toBe(MQTT_ERR_NO_CONN);
  client.reinitialise({ clientId: 'after', cleanSession: true });
  expect(client.clientId).toBe('after');
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  const received: string[] = [];
  client.onMessage = (_c, _u, m) => received.push(m.text());
  await client.subscribe('x/#', 1);
  await client.publish('x/z', 'fresh', 1);
  await expect.poll(() => received).toEqual(['fresh']);
  await expect.poll(() => seen).toEqual(['fresh']);
});
