import { expect, it } from 'vitest';
import { MQTT_ERR_NO_CONN, MQTT_ERR_QUEUE_SIZE, MqttError, type MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('QoS>0 messages published before connect() are queued (rc NO_CONN) and sent once connected', async () => {
  const topic = uniqueTopic('offline');
  const receiver = newClient();
  const got: MqttMessage[] = [];
  receiver.onMessage = (_c, _u, m) => got.push(m);
  await receiver.connect('127.0.0.1', env.broker.ports.mqtt);
  await receiver.subscribe(topic, 1);

  const sender = newClient();
  const first = sender.publish(topic, 'one', 1);
  const second = sender.publish(topic, 'two', 2);
  expect(first.rc).toBe(MQTT_ERR_NO_CONN);
  expect(second.rc).toBe(MQTT_ERR_NO_CONN);
  expect(first.isPublished()).toBe(false);
  await sender.connect('127.0.0.1', env.broker.ports.mqtt);
  await Promise.all([first.waitForPublish({ timeoutMs: 5000 }), second.waitForPublish({ timeoutMs: 5000 })]);
  await expect.poll(() => got.map((m) => m.text())).toEqual(['one', 'two']);
});

it('with maxQueuedMessagesSet(n), publish reports MQTT_ERR_QUEUE_SIZE instead of growing the queue', () => {
  const client = newClient();
  client.maxQueuedMessagesSet(2);
  const infos = [1, 2, 3, 4].map((i) => client.publish(uniqueTopic('full'), `m${i}`, 1));
  expect(infos.map((i) => i.rc)).toEqual([MQTT_ERR_NO_CONN, MQTT_ERR_NO_CONN, MQTT_ERR_QUEUE_SIZE, MQTT_ERR_QUEUE_SIZE]);
  expect(() => infos[2]!.isPublished()).toThrow(MqttError);
  expect(() => infos[3]!.waitForPublish()).toThrow(expect.objectContaining({ code: 'QUEUE_FULL' }));
});
