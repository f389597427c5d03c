import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { Client, MQTTv5, MQTTv311 } from '../src/index.js';

let broker: MosquittoBroker<'mqtt'>;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(async () => {
  await broker.stop();
});

describe('smoke', () => {
  for (const protocol of [MQTTv311, MQTTv5] as const) {
    it(`round-trips QoS 0, 1 and 2 on v${protocol}`, async () => {
      const client = new Client({ protocol });
      const got: string[] = [];
      client.onMessage = (_c, _u, m) => got.push(`${m.topic}:${m.text()}:${m.qos}`);
      await client.connect('127.0.0.1', broker.ports.mqtt);
      await client.subscribe('smoke/#', 2);
      await client.publish('smoke/a', 'zero', 0);
      await client.publish('smoke/b', 'one', 1);
      await client.publish('smoke/c', 'two', 2);
      await expect.poll(() => got.length).toBe(3);
      expect(got.sort()).toEqual(['smoke/a:zero:0', 'smoke/b:one:1', 'smoke/c:two:2']);
      await client.disconnect();
    });
  }
});
