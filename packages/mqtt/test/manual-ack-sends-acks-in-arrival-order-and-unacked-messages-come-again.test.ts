// manualAck against mosquitto: acks taken out of order still leave in arrival order (a PUBACK held
// behind an unacked message never reaches the broker), so after a reconnect with cleanSession false
// the broker redelivers exactly the unacked message and those behind it; an ack of a message from the
// dropped connection does nothing.
import { expect, it } from 'vitest';
import { MQTTv311, MQTTv5, type MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();
const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

for (const protocol of [MQTTv311, MQTTv5] as const) {
  it(`holds the ack of 3 behind 2 (${protocol === MQTTv5 ? 'v5' : 'v3.1.1'}): 2 and 3 come again after a reconnect, 1 does not`, async () => {
    const topic = uniqueTopic('manual-ack');
    const clientId = `manual-ack-${protocol}-${Date.now()}`;
    const consumer = newClient({ clientId, cleanSession: false, protocol, manualAck: true, ...(protocol === MQTTv5 ? { properties: { sessionExpiryInterval: 60 } } : {}) });
    const got: MqttMessage[] = [];
    consumer.onMessage = (_c, _u, m) => got.push(m);
    await consumer.connect('127.0.0.1', env.broker.ports.mqtt);
    await consumer.subscribe(topic, 1);

    const producer = newClient();
    await producer.connect('127.0.0.1', env.broker.ports.mqtt);
    for (const text of ['1', '2', '3']) await producer.publish(topic, text, 1);
    await until(() => got.length === 3);
    const [m1, m2, m3] = got as [MqttMessage, MqttMessage, MqttMessage];
    expect(m3.ack()).toBe(true); // held: 2 is not acked
    expect(consumer.ack(m1)).toBe(true); // sent
    expect(m1.ack()).toBe(false); // acked already
    await new Promise((r) => setTimeout(r, 100));
    await consumer.disconnect();

    got.length = 0;
    await consumer.connect('127.0.0.1', env.broker.ports.mqtt);
    await until(() => got.length === 2);
    expect(got.map((m) => m.text())).toEqual(['2', '3']);
    expect(got.every((m) => m.dup)).toBe(true);
    expect(m2.ack()).toBe(false); // its connection is gone: the redelivered copy is the one to ack
    for (const m of got) expect(m.ack()).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    await consumer.disconnect();
    got.length = 0;
    await consumer.connect('127.0.0.1', env.broker.ports.mqtt);
    await new Promise((r) => setTimeout(r, 300));
    expect(got).toEqual([]);
  });
}

it('refuses ack() arguments it cannot send and messages({ manualAck: true }) without the client option', () => {
  const auto = newClient();
  expect(() => auto.messages('#', { manualAck: true })).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error);
  expect(() => auto.ack({} as MqttMessage)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error);
  expect(() => newClient({ maxUnackedInbound: 0 })).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error);
});
