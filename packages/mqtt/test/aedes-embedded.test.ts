import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAedes, type AedesBroker } from '@x/test-brokers';
import { publish, subscribe } from '../src/index.js';
import { newClient } from './support/broker.js';

let broker: AedesBroker;
beforeAll(async () => {
  broker = await startAedes();
});
afterAll(async () => {
  await broker.close();
});

it('works against the in-process aedes broker (MQTT 3.1.1)', async () => {
  const client = newClient();
  const got: string[] = [];
  client.onMessage = (_c, _u, m) => got.push(m.text());
  await client.connect('127.0.0.1', broker.port);
  await client.subscribe('aedes/#', 2);
  await client.publish('aedes/x', 'via aedes', 2);
  await expect.poll(() => got).toEqual(['via aedes']);
});

it('publish.single and subscribe.simple (the seed helpers) round-trip a retained message', async () => {
  await publish.single('helpers/retained', 'kept', { hostname: '127.0.0.1', port: broker.port, qos: 1, retain: true });
  const message = await subscribe.simple('helpers/retained', { hostname: '127.0.0.1', port: broker.port, retained: true });
  // Typed as one MqttMessage: msgCount defaults to 1.
  expect(message.text()).toBe('kept');
  expect(message.retain).toBe(true);
});

it('publish.multiple sends objects and tuples in order; subscribe.simple with msgCount returns them all', async () => {
  const received = subscribe.simple('helpers/multi', { hostname: '127.0.0.1', port: broker.port, msgCount: 3, qos: 1 });
  await new Promise((r) => setTimeout(r, 200));
  // One QoS for all three: aedes does not keep order across QoS levels (mosquitto does).
  await publish.multiple([{ topic: 'helpers/multi', payload: 'a', qos: 1 }, ['helpers/multi', 'b', 1, false], { topic: 'helpers/multi', payload: 'c', qos: 1 }], { hostname: '127.0.0.1', port: broker.port });
  const messages = await received;
  expect(Array.isArray(messages) && messages.map((m) => m.text())).toEqual(['a', 'b', 'c']);
});

it('subscribe.callback hands each message to the callback with userdata until aborted', async () => {
  const controller = new AbortController();
  const seen: string[] = [];
  const running = subscribe.callback(
    (_client, userdata, message) => {
      seen.push(`${String(userdata)}:${message.text()}`);
      if (seen.length === 2) controller.abort();
    },
    'helpers/cb',
    { hostname: '127.0.0.1', port: broker.port, userdata: 'ud', signal: controller.signal },
  );
  await new Promise((r) => setTimeout(r, 200));
  await publish.multiple([['helpers/cb', 'x'], ['helpers/cb', 'y']], { hostname: '127.0.0.1', port: broker.port });
  await running;
  expect(seen).toEqual(['ud:x', 'ud:y']);
});
