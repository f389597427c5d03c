// MQTT 5 manualAck: message.ack(0x80) sends PUBACK with reason code 0x80: the broker is told the
// message was refused, which still completes the exchange, so it is not redelivered after a reconnect.
import { expect, it } from 'vitest';
import { MQTTv5, type MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('a refused message is not redelivered; a bad reason code is INVALID_ARGUMENT at the call', async () => {
  const topic = uniqueTopic('manual-ack-refuse');
  const consumer = newClient({ clientId: `refuse-${Date.now()}`, cleanSession: false, protocol: MQTTv5, manualAck: true, properties: { sessionExpiryInterval: 60 } });
  const got: MqttMessage[] = [];
  consumer.onMessage = (_c, _u, m) => got.push(m);
  await consumer.connect('127.0.0.1', env.broker.ports.mqtt);
  await consumer.subscribe(topic, 1);
  const producer = newClient();
  await producer.connect('127.0.0.1', env.broker.ports.mqtt);
  await producer.publish(topic, 'no thanks', 1);
  for (let i = 0; i < 200 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  const message = got[0] as MqttMessage;
  expect(() => message.ack(0x92)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error);
  expect(() => message.ack(300)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error);
  expect(message.ack(0x80, { reasonString: 'not for me' })).toBe(true);
  await new Promise((r) => setTimeout(r, 100));
  await consumer.disconnect();
  got.length = 0;
  await consumer.connect('127.0.0.1', env.broker.ports.mqtt);
  await new Promise((r) => setTimeout(r, 300));
  expect(got).toEqual([]);
});
