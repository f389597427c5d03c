// disconnect() right after a publish too large for the socket to take at once: the bytes waiting
// for drain and the DISCONNECT still reach mosquitto before the socket is ended, so the messages
// arrive and the will is not published. (Before the fix the DISCONNECT stayed held and was lost,
// and mosquitto published the will.)
import { expect, it } from 'vitest';
import type { MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('held QoS 0 messages arrive, the DISCONNECT goes, no will', async () => {
  const topic = uniqueTopic('full');
  const watcher = newClient();
  const seen: MqttMessage[] = [];
  watcher.onMessage = (_c, _u, m) => seen.push(m);
  await watcher.connect('127.0.0.1', env.broker.ports.mqtt);
  await watcher.subscribe(`${topic}/#`, 0);

  const client = newClient({ autoReconnect: false });
  client.willSet(`${topic}/will`, 'died', 0);
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  const big = new Uint8Array(4 * 1024 * 1024); // far over the socket's high-water mark: the next writes wait for drain
  const first = client.publish(`${topic}/data`, big, 0);
  const small = client.publish(`${topic}/data`, 'after', 0);
  expect(client.wantWrite()).toBe(true);
  await client.disconnect();
  await Promise.all([first, small]);

  await expect.poll(() => seen.length, { timeout: 5_000 }).toBe(2);
  await new Promise((r) => setTimeout(r, 300));
  expect(seen.map((m) => `${m.topic.slice(topic.length)} ${m.payload.length}`)).toEqual([`/data ${big.length}`, '/data 5']);
});
