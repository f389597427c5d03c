import { expect, it } from 'vitest';
import { MQTT_ERR_SUCCESS } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('calls onConnect, onSubscribe, onPublish, onMessage, onUnsubscribe and onDisconnect with the seed arguments', async () => {
  const topic = uniqueTopic('callbacks');
  const userdata = { tag: 'u' };
  const client = newClient({ userdata });
  const events: string[] = [];
  client.onConnect = (c, u, flags, rc) => events.push(`connect ${c === client} ${u === userdata} ${flags.sessionPresent} ${rc}`);
  client.onSubscribe = (_c, _u, mid, granted) => events.push(`subscribe ${typeof mid} ${granted.join(',')}`);
  client.onPublish = (_c, _u, mid) => events.push(`publish ${typeof mid}`);
  client.onMessage = (_c, u, m) => events.push(`message ${u === userdata} ${m.topic === topic} ${m.text()}`);
  client.onUnsubscribe = (_c, _u, mid) => events.push(`unsubscribe ${typeof mid}`);
  client.onDisconnect = (_c, _u, rc) => events.push(`disconnect ${rc}`);

  await client.connect('127.0.0.1', env.broker.ports.mqtt, 30);
  await client.subscribe([[topic, 1]]);
  const info = client.publish(topic, 'hello', 1);
  expect(info.rc).toBe(MQTT_ERR_SUCCESS);
  const [rc, mid] = info;
  expect([rc, mid]).toEqual([info.rc, info.mid]);
  await info.waitForPublish();
  expect(info.isPublished()).toBe(true);
  await expect.poll(() => events.some((e) => e.startsWith('message'))).toBe(true);
  await client.unsubscribe(topic);
  await client.disconnect();

  // The broker may deliver our own message before or after it acknowledges it.
  const middle = events.slice(2, 4).sort();
  expect([...events.slice(0, 2), ...middle, ...events.slice(4)]).toEqual([
    'connect true true false 0',
    'subscribe number 1',
    'message true true hello',
    'publish number',
    'unsubscribe number',
    `disconnect ${MQTT_ERR_SUCCESS}`,
  ]);
});
