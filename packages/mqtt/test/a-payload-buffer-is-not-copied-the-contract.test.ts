// The payload contract (issue 11.15): a Uint8Array/Buffer payload is not copied. A message that goes
// out at once is encoded during publish(), so changing the buffer afterwards changes nothing; a
// message that waits (offline, window full, or in flight for a resend) is encoded from the buffer
// when it is sent. Strings are encoded at the call and always safe. The README says the same.
import { expect, it } from 'vitest';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

async function subscriber(topic: string): Promise<{ received: string[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const sub = newClient();
  sub.onMessage = (_c, _u, m) => received.push(new TextDecoder().decode(m.payload));
  await sub.connect('127.0.0.1', env.broker.ports.mqtt);
  await sub.subscribe(topic, 1);
  return { received, close: async () => void (await sub.disconnect()) };
}

it('sent at once: changing the buffer after publish() returns does not change what was sent', async () => {
  const topic = uniqueTopic('payload-now');
  const sub = await subscriber(topic);
  const pub = newClient();
  await pub.connect('127.0.0.1', env.broker.ports.mqtt);
  const buffer = Buffer.from('original');
  const info = pub.publish(topic, buffer, 1);
  buffer.write('CHANGED!');
  await info;
  await expect.poll(() => sub.received).toEqual(['original']);
  await pub.disconnect();
  await sub.close();
});

it('queued while offline: the bytes the buffer holds when it is sent are what goes out', async () => {
  const topic = uniqueTopic('payload-later');
  const sub = await subscriber(topic);
  const pub = newClient();
  const buffer = Buffer.from('original');
  const info = pub.publish(topic, buffer, 1);
  buffer.write('CHANGED!');
  await pub.connect('127.0.0.1', env.broker.ports.mqtt);
  await info;
  await expect.poll(() => sub.received).toEqual(['CHANGED!']);
  await pub.disconnect();
  await sub.close();
});
