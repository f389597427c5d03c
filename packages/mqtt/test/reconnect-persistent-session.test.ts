import { expect, it } from 'vitest';
import { MQTTv311, MQTTv5, type MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto({ persistence: false });

for (const protocol of [MQTTv311, MQTTv5] as const) {
  it(`v${protocol}: after the broker restarts, the client reconnects by itself and resubscribes in onConnect`, async () => {
    const topic = uniqueTopic('reconnect');
    const client = newClient({ protocol });
    client.reconnectDelaySet({ minDelay: 0.05, maxDelay: 0.2 });
    let connects = 0;
    const got: MqttMessage[] = [];
    client.onConnect = (c) => {
      connects++;
      c.subscribe(topic, 1);
    };
    client.onMessage = (_c, _u, m) => got.push(m);
    const disconnects: number[] = [];
    client.onDisconnect = (_c, _u, rc) => disconnects.push(rc);
    await client.connect('127.0.0.1', env.broker.ports.mqtt, 5);
    await env.broker.restart();
    await expect.poll(() => connects, { timeout: 10_000 }).toBe(2);
    expect(disconnects.length).toBe(1);
    expect(disconnects[0]).not.toBe(0);
    await expect.poll(async () => {
      await client.publish(topic, 'after restart', 1);
      return got.length > 0;
    }, { timeout: 5000 }).toBe(true);
    expect(got[0]?.text()).toBe('after restart');
  }, 20_000);
}
