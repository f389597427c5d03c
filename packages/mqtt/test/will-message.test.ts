import type { Socket } from 'node:net';
import { expect, it } from 'vitest';
import type { MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('the will is published when the connection is lost, and not after disconnect()', async () => {
  const topic = uniqueTopic('will');
  const watcher = newClient();
  const wills: MqttMessage[] = [];
  watcher.onMessage = (_c, _u, m) => wills.push(m);
  await watcher.connect('127.0.0.1', env.broker.ports.mqtt);
  await watcher.subscribe(`${topic}/#`, 1);

  const polite = newClient({ autoReconnect: false });
  polite.willSet(`${topic}/polite`, 'polite died', 1);
  await polite.connect('127.0.0.1', env.broker.ports.mqtt);
  await polite.disconnect();

  const crashing = newClient({ autoReconnect: false });
  crashing.willSet(`${topic}/crash`, 'crash died', 1, false);
  await crashing.connect('127.0.0.1', env.broker.ports.mqtt);
  (crashing.socket() as Socket).destroy();

  await expect.poll(() => wills.length).toBe(1);
  await new Promise((r) => setTimeout(r, 300));
  expect(wills.map((m) => `${m.topic.slice(topic.length)} ${m.text()}`)).toEqual(['/crash crash died']);
});

it('willSet validates like the seed: empty topic, wildcard or bad QoS are refused', () => {
  const client = newClient();
  expect(() => client.willSet('', 'x')).toThrow(expect.objectContaining({ code: 'INVALID_TOPIC' }));
  expect(() => client.willSet('a/#', 'x')).toThrow(expect.objectContaining({ code: 'INVALID_TOPIC' }));
  // @ts-expect-error QoS 3 does not type-check; plain JavaScript callers get INVALID_QOS at run time
  expect(() => client.willSet('a', 'x', 3)).toThrow(expect.objectContaining({ code: 'INVALID_QOS' }));
});
