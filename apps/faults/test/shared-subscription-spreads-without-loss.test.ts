// Fault: a stream on a shared subscription ($share/group/..., MQTT 5, mosquitto) consumed by three
// clients, one of which loses its connection mid-stream (socket destroyed; persistent session with
// a session expiry, so the broker keeps its share). Promise checked: the stream is spread over all
// three, nothing is lost, and the dropped consumer resumes its share after reconnecting.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, MQTTv5, type MqttMessage } from '@x/mqtt';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { range, Tally } from '../src/tally.js';
import { sleep, waitUntil } from '../src/wait.js';
import { report } from './support/results.js';

const COUNT = 3000;
const TOPIC = 'faults/share/s';

let broker: MosquittoBroker<'mqtt'>;
const clients: Client[] = [];

beforeAll(async () => {
  broker = await startMosquitto({ extraConfig: 'max_queued_messages 0' });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.disconnect().catch(() => undefined)));
  await broker?.stop();
});

it('three consumers share the stream, one reconnects mid-stream, none lost', async () => {
  const tally = new Tally();
  const perConsumer = [0, 0, 0];
  let reconnected = 0;
  for (const n of [0, 1, 2]) {
    const consumer = new Client({ clientId: `faults-share-${n}`, cleanSession: false, protocol: MQTTv5, properties: { sessionExpiryInterval: 300 } });
    clients.push(consumer);
    consumer.reconnectDelaySet(0.05, 0.2);
    consumer.onMessage = (_c, _u, m: MqttMessage) => {
      tally.record('s', Number(m.text()));
      perConsumer[n] = (perConsumer[n] ?? 0) + 1;
    };
    consumer.onConnect = (_c, _u, flags) => {
      if (flags.sessionPresent) reconnected++;
    };
    await consumer.connect('127.0.0.1', broker.ports.mqtt, 30);
    await consumer.subscribe(`$share/workers/${TOPIC}`, 1);
  }
  const pub = new Client({ protocol: MQTTv5 });
  clients.push(pub);
  await pub.connect('127.0.0.1', broker.ports.mqtt, 30);
  const completions: Array<PromiseLike<unknown>> = [];
  for (let i = 0; i < COUNT; i++) {
    completions.push(pub.publish(TOPIC, String(i), 1));
    if (i === COUNT / 2) (clients[1]?.socket() as { destroy(): void } | undefined)?.destroy();
    if (i % 20 === 19) await sleep(5);
  }
  await Promise.all(completions);
  await waitUntil(() => tally.unique('s') >= COUNT, 15_000, 'every message').catch(() => undefined);
  await sleep(200);
  const r = tally.report('s', range(0, COUNT));
  report({
    fault: 'shared subscription ($share, v5) over 3 consumers, one connection dropped mid-stream',
    sent: COUNT,
    received: r.deliveries,
    lost: r.missing.length,
    duplicated: r.duplicates,
    note: `per consumer ${perConsumer.join(' / ')}; dropped consumer resumed its session: ${reconnected === 1}`,
  });
  expect(reconnected).toBe(1);
  expect(r.missing.slice(0, 20)).toEqual([]);
  for (const n of perConsumer) expect(n).toBeGreaterThan(COUNT / 10);
}, 60_000);
