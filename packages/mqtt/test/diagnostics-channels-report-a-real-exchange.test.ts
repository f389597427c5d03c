// Issue 14.3: every MQTT_CHANNELS channel, subscribed with node:diagnostics_channel, carries its
// documented message for a real exchange with mosquitto: connect, packets both ways, the publish
// TracingChannel's five events, the delivered message and the disconnect.
import diagnosticsChannel from 'node:diagnostics_channel';
import { afterEach, expect, it } from 'vitest';
import { MQTT_CHANNELS, MQTTv5, type ConnectDiagnostic, type DisconnectDiagnostic, type MessageDiagnostic, type PacketDiagnostic, type PublishDiagnostic } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();
const undo: Array<() => void> = [];
afterEach(() => undo.splice(0).forEach((f) => f()));

function listen<T>(name: string): T[] {
  const seen: T[] = [];
  const fn = (message: unknown): void => void seen.push(message as T);
  diagnosticsChannel.subscribe(name, fn);
  undo.push(() => diagnosticsChannel.unsubscribe(name, fn));
  return seen;
}

it('connect, packet:send, packet:receive, message and disconnect carry what crossed the wire', async () => {
  const connects = listen<ConnectDiagnostic>(MQTT_CHANNELS.connect);
  const sent = listen<PacketDiagnostic>(MQTT_CHANNELS.packetSend);
  const received = listen<PacketDiagnostic>(MQTT_CHANNELS.packetReceive);
  const messages = listen<MessageDiagnostic>(MQTT_CHANNELS.message);
  const disconnects = listen<DisconnectDiagnostic>(MQTT_CHANNELS.disconnect);
  const client = newClient({ protocol: MQTTv5 });
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  const topic = uniqueTopic('diag');
  let handlerSawChannel = false;
  client.onMessage = () => {
    handlerSawChannel = messages.length === 1;
  };
  await client.subscribe(topic, 1);
  await client.publish(topic, 'hello', 1, false, { userProperties: [['k', 'v']] });
  await expect.poll(() => messages.length).toBe(1);
  await client.disconnect();

  expect(connects).toEqual([{ client, server: `127.0.0.1:${env.broker.ports.mqtt}`, reasonCode: 0, sessionPresent: false, properties: expect.any(Object) }]);
  expect(sent.map((p) => p.type)).toEqual(['connect', 'subscribe', 'publish', 'puback', 'disconnect']);
  const publishSent = sent.find((p) => p.type === 'publish') as PacketDiagnostic;
  expect(publishSent).toMatchObject({ client, type: 'publish', packetId: expect.any(Number), byteLength: expect.any(Number) });
  expect(publishSent.byteLength).toBeGreaterThan(topic.length + 5);
  // mosquitto may forward the message before it acknowledges ours: the last two in either order.
  expect(received.map((p) => p.type).slice(0, 2)).toEqual(['connack', 'suback']);
  expect(received.map((p) => p.type).slice(2).sort()).toEqual(['puback', 'publish']);
  expect(received.find((p) => p.type === 'publish')).toMatchObject({ client, byteLength: undefined, packet: { topic } });
  expect(messages).toEqual([{ client, topic, qos: 1, packetId: expect.any(Number), retain: false, dup: false, byteLength: 5, properties: { userProperties: [['k', 'v']] } }]);
  expect(handlerSawChannel).toBe(true);
  expect(disconnects).toEqual([{ client, error: undefined, reasonCode: undefined, properties: undefined }]);
});

it('publish is a TracingChannel: start (properties replaceable), end (mid, rc), asyncStart/asyncEnd (result)', async () => {
  const events: Array<[string, PublishDiagnostic]> = [];
  const tracing = diagnosticsChannel.tracingChannel<string, PublishDiagnostic>(MQTT_CHANNELS.publish);
  const handlers = {
    start: (c: PublishDiagnostic) => {
      events.push(['start', { ...c }]);
      c.properties = { ...c.properties, userProperties: [['traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01']] };
    },
    end: (c: PublishDiagnostic) => void events.push(['end', { ...c }]),
    asyncStart: (c: PublishDiagnostic) => void events.push(['asyncStart', { ...c }]),
    asyncEnd: (c: PublishDiagnostic) => void events.push(['asyncEnd', { ...c }]),
    error: (c: PublishDiagnostic) => void events.push(['error', { ...c }]),
  };
  tracing.subscribe(handlers);
  undo.push(() => tracing.unsubscribe(handlers));
  const client = newClient({ protocol: MQTTv5 });
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  const topic = uniqueTopic('trace');
  const got: Array<unknown> = [];
  client.onMessage = (_c, _u, m) => got.push(m.properties?.userProperties);
  await client.subscribe(topic, 1);
  const info = client.publish(topic, 'abc', 1);
  await info;
  await expect.poll(() => got.length).toBe(1);
  expect(events.map(([name]) => name)).toEqual(['start', 'end', 'asyncStart', 'asyncEnd']);
  expect(events[0]?.[1]).toEqual({ client, protocolVersion: 5, topic, qos: 1, retain: false, byteLength: 3, properties: undefined });
  expect(events[1]?.[1]).toMatchObject({ mid: info.mid, rc: 0 });
  expect(events[3]?.[1].result).toMatchObject({ mid: info.mid, reasonCode: expect.any(Number) });
  // What the start subscriber set went out on the wire.
  expect(got).toEqual([[['traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01']]]);

  events.length = 0;
  expect(() => client.publish('bad/+', 'x', 0)).toThrow();
  expect(events.map(([name]) => name)).toEqual(['start', 'error', 'end']);
  expect(events[1]?.[1].error).toMatchObject({ code: 'INVALID_TOPIC' });
  await client.disconnect();
});
