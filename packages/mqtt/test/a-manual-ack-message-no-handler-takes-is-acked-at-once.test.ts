// manualAck: a message that no callback, onMessage or messages() stream receives cannot be acked
// by anyone, so the client acks it at once (it would otherwise hold every later ack back). Shown
// through mosquitto: after a reconnect with cleanSession false nothing comes again.
import { expect, it } from 'vitest';
import type { MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('acks a message nobody receives, and message.ack() answers false for QoS 0', async () => {
  const topic = uniqueTopic('manual-ack-unhandled');
  const consumer = newClient({ clientId: `unhandled-${Date.now()}`, cleanSession: false, manualAck: true });
  await consumer.connect('127.0.0.1', env.broker.ports.mqtt);
  await consumer.subscribe(topic, 1);
  const producer = newClient();
  await producer.connect('127.0.0.1', env.broker.ports.mqtt);
  await producer.publish(topic, 'nobody listens', 1);
  await new Promise((r) => setTimeout(r, 200));
  await consumer.disconnect();

  const got: MqttMessage[] = [];
  consumer.onMessage = (_c, _u, m) => got.push(m);
  await consumer.connect('127.0.0.1', env.broker.ports.mqtt);
  await new Promise((r) => setTimeout(r, 300));
  expect(got).toEqual([]);
  await producer.publish(topic, 'at most once', 0);
  for (let i = 0; i < 100 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  expect(got.map((m) => [m.text(), m.qos])).toEqual([['at most once', 0]]);
  expect(got[0]?.ack()).toBe(false);
});
