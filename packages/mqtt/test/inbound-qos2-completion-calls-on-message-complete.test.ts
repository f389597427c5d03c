// A QoS 2 message is delivered at PUBLISH (onMessage, once); onMessageComplete tells when its
// exchange is over (PUBREL came, PUBCOMP sent), which Paho signals by delivering at PUBREL (issue 12.12).
import { expect, it } from 'vitest';
import type { MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('onMessage runs at PUBLISH, then onMessageComplete with the same mid, once per QoS 2 message', async () => {
  const events: string[] = [];
  const client = newClient();
  client.onMessage = (_c, _u, m: MqttMessage) => events.push(`message ${m.qos} ${m.mid}`);
  client.onMessageComplete = (_c, _u, mid) => events.push(`complete ${mid}`);
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  const topic = uniqueTopic('qos2-complete');
  await client.subscribe(topic, 2);
  await client.publish(topic, 'two', 2);
  await client.publish(topic, 'one', 1);
  await expect.poll(() => events.length).toBe(3);
  const [message, complete] = events.filter((e) => !e.startsWith('message 1'));
  const mid = Number(message?.split(' ')[2]);
  expect(mid).toBeGreaterThan(0);
  expect([message, complete]).toEqual([`message 2 ${mid}`, `complete ${mid}`]);
  await client.disconnect();
});
