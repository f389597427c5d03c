// Issue 13 item 1: a QoS 0 message published before the first connect() or after disconnect() is
// queued (subject to maxQueuedMessagesSet), delivered once connected, and its MessageInfo settles.
import { expect, it } from 'vitest';
import { MQTT_ERR_NO_CONN, MQTT_ERR_QUEUE_SIZE } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('QoS 0 before the first connect() and after disconnect() is delivered and its MessageInfo resolves', async () => {
  const topic = uniqueTopic('offline-qos0');
  const watcher = newClient();
  await watcher.connect('127.0.0.1', env.broker.ports.mqtt);
  const got: string[] = [];
  watcher.onMessage = (_c, _u, m) => got.push(m.text());
  await watcher.subscribe(topic, 0);

  const client = newClient();
  const before = client.publish(topic, 'before connect', 0);
  expect(before.rc).toBe(MQTT_ERR_NO_CONN);
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  await expect(before.waitForPublish({ timeoutMs: 5_000 })).resolves.toBeUndefined();
  expect(before.isPublished()).toBe(true);
  await client.disconnect();
  const after = client.publish(topic, 'after disconnect', 0);
  expect(after.rc).toBe(MQTT_ERR_NO_CONN);
  await client.reconnect();
  await after.waitForPublish({ timeoutMs: 5_000 });
  await expect.poll(() => got, { timeout: 5_000 }).toEqual(['before connect', 'after disconnect']);
});

it('the offline QoS 0 queue honours maxQueuedMessagesSet', () => {
  const client = newClient();
  client.maxQueuedMessagesSet(1);
  expect(client.publish(uniqueTopic('q'), 'a', 0).rc).toBe(MQTT_ERR_NO_CONN);
  expect(client.publish(uniqueTopic('q'), 'b', 0).rc).toBe(MQTT_ERR_QUEUE_SIZE);
});
