// Issue 13 item 5: a full messages() buffer pauses reading from the broker instead of dropping
// QoS>0 messages that were already acknowledged; reading resumes as the consumer catches up.
import { expect, it } from 'vitest';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('50 QoS 1 messages through a 5-message buffer: the socket pauses, nothing is dropped, all arrive in order', async () => {
  const topic = uniqueTopic('back-pressure');
  const consumer = newClient();
  await consumer.connect('127.0.0.1', env.broker.ports.mqtt);
  await consumer.subscribe(topic, 1);
  let received = 0;
  consumer.onMessage = () => received++;
  const stream = consumer.messages(topic, { bufferSize: 5 }) as AsyncIterableIterator<{ text(): string }> & { readonly dropped: number };

  const producer = newClient();
  await producer.connect('127.0.0.1', env.broker.ports.mqtt);
  for (let i = 0; i < 50; i++) await producer.publish(topic, String(i), 1);
  await new Promise((r) => setTimeout(r, 300)); // a stalled consumer
  expect(received).toBeLessThan(50); // reading paused: the rest waits at the broker / in the kernel

  const texts: string[] = [];
  for await (const message of stream) {
    texts.push(message.text());
    if (texts.length === 50) break;
  }
  expect(texts).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
  expect(stream.dropped).toBe(0);
});
