import { expect, it } from 'vitest';
import { MQTTv5, MQTTv311, type MqttMessage } from '../src/index.js';
import { startAedes } from '@x/test-brokers';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('v5 publish properties arrive intact: user properties (repeated, in order), correlation data, response topic, content type', async () => {
  const topic = uniqueTopic('v5-props');
  const client = newClient({ protocol: MQTTv5 });
  const got: MqttMessage[] = [];
  client.onMessage = (_c, _u, m) => got.push(m);
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  await client.subscribe(topic, 1);
  await client.publish(topic, '{"q":1}', 1, false, {
    userProperties: [['k', 'v1'], ['k', 'v2'], ['other', 'x']],
    correlationData: new Uint8Array([1, 2, 3]),
    responseTopic: `${topic}/reply`,
    contentType: 'application/json',
    payloadFormatIndicator: 1,
  });
  await expect.poll(() => got.length).toBe(1);
  const p = got[0]!.properties!;
  expect(p.userProperties).toEqual([['k', 'v1'], ['k', 'v2'], ['other', 'x']]);
  expect([...(p.correlationData ?? [])]).toEqual([1, 2, 3]);
  expect(p.responseTopic).toBe(`${topic}/reply`);
  expect(p.contentType).toBe('application/json');
  expect(got[0]!.json()).toEqual({ q: 1 });
});

it('a refused subscription is reported per filter (SUBACK 0x80, MQTT 3.1.1 on aedes)', async () => {
  const aedes = await startAedes({ deniedFilters: ['forbidden/y'] });
  try {
    const client = newClient({ protocol: MQTTv311 });
    const calls: number[][] = [];
    client.onSubscribe = (_c, _u, _mid, granted) => calls.push([...granted]);
    await client.connect('127.0.0.1', aedes.port);
    const result = await client.subscribe([['allowed/x', 1], ['forbidden/y', 1]]);
    expect(result.reasonCodes).toEqual([1, 0x80]);
    expect(calls).toEqual([[1, 0x80]]);
  } finally {
    await aedes.close();
  }
});

it('no local: a v5 subscriber does not get its own messages back', async () => {
  const topic = uniqueTopic('nolocal');
  const client = newClient({ protocol: MQTTv5 });
  const other = newClient({ protocol: MQTTv5 });
  const got: string[] = [];
  client.onMessage = (_c, _u, m) => got.push(m.text());
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  await other.connect('127.0.0.1', env.broker.ports.mqtt);
  await client.subscribe({ topicFilter: topic, qos: 1, noLocal: true });
  await client.publish(topic, 'mine', 1);
  await other.publish(topic, 'theirs', 1);
  await expect.poll(() => got).toEqual(['theirs']);
});

it('session expiry: a v5 session with sessionExpiryInterval keeps messages for an offline client', async () => {
  const topic = uniqueTopic('expiry');
  const clientId = `expiry-${process.pid}`;
  const first = newClient({ protocol: MQTTv5, clientId, cleanSession: false, properties: { sessionExpiryInterval: 60 } });
  await first.connect('127.0.0.1', env.broker.ports.mqtt);
  await first.subscribe(topic, 1);
  await first.disconnect();

  const publisher = newClient({ protocol: MQTTv5 });
  await publisher.connect('127.0.0.1', env.broker.ports.mqtt);
  await publisher.publish(topic, 'while away', 1);

  const second = newClient({ protocol: MQTTv5, clientId, cleanSession: false, properties: { sessionExpiryInterval: 60 } });
  const got: string[] = [];
  second.onMessage = (_c, _u, m) => got.push(m.text());
  const connack = await second.connect('127.0.0.1', env.broker.ports.mqtt);
  expect(connack.sessionPresent).toBe(true);
  await expect.poll(() => got).toEqual(['while away']);
});

it('disconnect with a v5 reason code 0x04 makes the broker publish the will', async () => {
  const topic = uniqueTopic('will-04');
  const watcher = newClient({ protocol: MQTTv5 });
  const got: string[] = [];
  watcher.onMessage = (_c, _u, m) => got.push(m.text());
  await watcher.connect('127.0.0.1', env.broker.ports.mqtt);
  await watcher.subscribe(topic, 1);
  const client = newClient({ protocol: MQTTv5 });
  client.willSet(topic, 'will with 0x04', 1);
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  await client.disconnect(0x04);
  await expect.poll(() => got).toEqual(['will with 0x04']);
});
