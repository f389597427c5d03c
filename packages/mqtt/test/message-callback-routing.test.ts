import { expect, it } from 'vitest';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('runs every matching per-filter callback, and onMessage only for messages no filter matched', async () => {
  const base = uniqueTopic('routing');
  const client = newClient();
  const seen: string[] = [];
  client.messageCallbackAdd(`${base}/sensors/#`, (_c, _u, m) => seen.push(`sensors# ${m.topic.slice(base.length)}`));
  client.messageCallbackAdd(`${base}/+/humidity`, (_c, _u, m) => seen.push(`+humidity ${m.topic.slice(base.length)}`));
  client.messageCallbackAdd(`${base}/removed/#`, () => seen.push('removed callback ran'));
  client.messageCallbackRemove(`${base}/removed/#`);
  client.onMessage = (_c, _u, m) => seen.push(`default ${m.topic.slice(base.length)}`);
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  await client.subscribe(`${base}/#`, 1);
  await client.publish(`${base}/sensors/humidity`, 'a', 1);
  await client.publish(`${base}/sensors/temperature`, 'b', 1);
  await client.publish(`${base}/removed/x`, 'c', 1);
  await expect.poll(() => seen.length).toBe(4);
  expect(seen.sort()).toEqual(['+humidity /sensors/humidity', 'default /removed/x', 'sensors# /sensors/humidity', 'sensors# /sensors/temperature']);
});
