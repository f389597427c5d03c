import { afterAll, beforeAll, expect, it } from 'vitest';
import { newClient, uniqueTopic } from './support/broker.js';
import { startSilentBroker, type SilentBroker } from './support/silent-broker.js';

let broker: SilentBroker;
beforeAll(async () => {
  broker = await startSilentBroker();
});
afterAll(async () => {
  await broker.close();
});

it('maxInflightMessagesSet(3): with no PUBACK coming back, only 3 QoS 1 PUBLISH are on the wire', async () => {
  const client = newClient();
  client.maxInflightMessagesSet(3);
  await client.connect('127.0.0.1', broker.port);
  const topic = uniqueTopic('inflight');
  for (let i = 0; i < 10; i++) client.publish(topic, `m${i}`, 1);
  await new Promise((r) => setTimeout(r, 200));
  const publishes = broker.received.filter((p) => p.type === 'publish');
  expect(publishes.length).toBe(3);
  expect(publishes.map((p) => (p.type === 'publish' ? new TextDecoder().decode(p.payload) : ''))).toEqual(['m0', 'm1', 'm2']);
});
