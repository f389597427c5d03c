import { describe, expect, it } from 'vitest';
import { MQTTv31, MQTTv311, MQTTv5, type MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

describe('a message published at QoS 0, 1 and 2 comes back through mosquitto', () => {
  for (const protocol of [MQTTv31, MQTTv311, MQTTv5] as const) {
    it(`with protocol level ${protocol}`, async () => {
      const topic = uniqueTopic(`qos-${protocol}`);
      const client = newClient({ protocol });
      const got: MqttMessage[] = [];
      client.onMessage = (_c, _u, m) => got.push(m);
      await client.connect('127.0.0.1', env.broker.ports.mqtt);
      const granted = await client.subscribe(`${topic}/#`, 2);
      expect(granted.reasonCodes).toEqual([2]);
      await client.publish(`${topic}/0`, 'zero', 0);
      await client.publish(`${topic}/1`, new Uint8Array([0, 1, 255]), 1);
      await client.publish(`${topic}/2`, 42, 2);
      await expect.poll(() => got.length).toBe(3);
      const byTopic = Object.fromEntries(got.map((m) => [m.topic.slice(topic.length + 1), m]));
      expect(byTopic['0']?.text()).toBe('zero');
      expect([...(byTopic['1']?.payload ?? [])]).toEqual([0, 1, 255]);
      expect(byTopic['2']?.text()).toBe('42');
      expect(got.map((m) => m.qos).sort()).toEqual([0, 1, 2]);
    });
  }
});
