// With the client's manualAck, a messages() iterator acks each message as it hands it out: a
// stalled consumer leaves at most maxUnackedInbound messages unacked, the broker holds the rest,
// and every message arrives in order once the consumer reads.
import { expect, it } from 'vitest';
import type { MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('200 QoS 1 messages to a stalled iterator with maxUnackedInbound 10: reading stops after 10 (plus what mosquitto had in flight), then all arrive in order', async () => {
  const topic = uniqueTopic('stream-ack');
  const consumer = newClient({ manualAck: true, maxUnackedInbound: 10 });
  let received = 0;
  consumer.messageCallbackAdd(`${topic}`, () => received++);
  await consumer.connect('127.0.0.1', env.broker.ports.mqtt);
  await consumer.subscribe(topic, 1);
  const stream = consumer.messages(topic) as AsyncIterableIterator<MqttMessage> & { readonly dropped: number };

  const producer = newClient();
  await producer.connect('127.0.0.1', env.broker.ports.mqtt);
  for (let i = 0; i < 200; i++) producer.publish(topic, String(i), 1);
  await new Promise((r) => setTimeout(r, 500));
  // mosquitto sends up to its max_inflight_messages (20) before waiting for acks; we read 10 and pause.
  expect(received).toBeLessThanOrEqual(20);
  expect(received).toBeGreaterThanOrEqual(10);

  const texts: string[] = [];
  for await (const message of stream) {
    texts.push(message.text());
    if (texts.length === 200) break;
  }
  expect(texts).toEqual(Array.from({ length: 200 }, (_, i) => String(i)));
  expect(stream.dropped).toBe(0);
});
