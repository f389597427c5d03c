// Fault: a consumer that falls behind. 10,000 QoS 1 messages of 10 KiB (100 MB if all were held)
// from mosquitto (unlimited queue) to a manualAck client whose messages() loop sleeps 10 ms per
// message. The promise: back-pressure instead of loss. The iterator acks as it hands a message out,
// the engine stops reading at maxUnackedInbound (100) unacked messages, so the broker holds the
// backlog; every message arrives, in order, none dropped, and the consumer's RSS stays bounded.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, MQTTv311, type MqttMessage } from '@x/mqtt';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { MiB, retainedMemory, sleep } from '../src/wait.js';
import { report } from './support/results.js';

const COUNT = 10_000;
const PAYLOAD = 10 * 1024;
const TOPIC = 'faults/slow-manual-ack';
// Sampled every 500 ms after two full GCs (retainedMemory): what is retained (heap + external,
// payloads included) and the process RSS. Holding all 10,000 would retain ~98 MiB (measured without
// manualAck: RSS grew 134 MiB); with it a few MiB are retained, and RSS grew 28 MiB alone, 54 MiB
// late in a full suite run (sampled without GC), hence two bounds.
const RETAINED_BOUND = 40 * MiB;
const RSS_BOUND = 80 * MiB;

let broker: MosquittoBroker<'mqtt'>;
const clients: Client[] = [];

beforeAll(async () => {
  broker = await startMosquitto({ extraConfig: 'max_queued_messages 0\nmax_queued_bytes 0' });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.disconnect().catch(() => undefined)));
  await broker?.stop();
});

it('10,000 x 10 KiB QoS 1 to a consumer sleeping 10 ms per message: all arrive in order, RSS bounded', async () => {
  const consumer = new Client({ clientId: 'faults-slow-manual-ack', protocol: MQTTv311, manualAck: true });
  clients.push(consumer);
  await consumer.connect('127.0.0.1', broker.ports.mqtt, 60);
  await consumer.subscribe(TOPIC, 1);
  const stream = consumer.messages(TOPIC) as AsyncIterableIterator<MqttMessage> & { readonly dropped: number };

  const producer = new Client({ clientId: 'faults-slow-manual-ack-pub', protocol: MQTTv311 });
  clients.push(producer);
  await producer.connect('127.0.0.1', broker.ports.mqtt, 60);

  const base = retainedMemory();
  let peak = 0;
  let peakRetained = 0;
  const sampler = setInterval(() => {
    const now = retainedMemory();
    peak = Math.max(peak, now.rss - base.rss);
    peakRetained = Math.max(peakRetained, now.heapUsed + now.external - base.heapUsed - base.external);
  }, 500);
  const started = Date.now();
  // The producer keeps at most 100 publishes outstanding, so its own memory stays small too.
  const publishing = (async () => {
    let batch: Array<PromiseLike<unknown>> = [];
    for (let seq = 0; seq < COUNT; seq++) {
      const payload = new Uint8Array(PAYLOAD);
      new DataView(payload.buffer).setUint32(0, seq);
      batch.push(producer.publish(TOPIC, payload, 1));
      if (batch.length === 100) {
        await Promise.all(batch);
        batch = [];
      }
    }
    await Promise.all(batch);
    return Date.now() - started;
  })();

  const seqs: number[] = [];
  let outOfOrder = 0;
  for await (const message of stream) {
    const seq = new DataView(message.payload.buffer, message.payload.byteOffset).getUint32(0);
    if (seq !== seqs.length) outOfOrder++;
    seqs.push(seq);
    if (seqs.length === COUNT) break;
    await sleep(10);
  }
  clearInterval(sampler);
  const publishedMs = await publishing;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const unique = new Set(seqs).size;
  report({
    fault: `consumer sleeping 10 ms per message, manualAck messages() iterator, ${COUNT} x 10 KiB QoS 1`,
    sent: COUNT,
    received: seqs.length,
    lost: COUNT - unique,
    duplicated: seqs.length - unique,
    note: `all published (broker holds the backlog) after ${(publishedMs / 1000).toFixed(1)} s, consumed after ${seconds} s; peak growth retained ${(peakRetained / MiB).toFixed(1)} MiB (bound ${RETAINED_BOUND / MiB}), RSS ${(peak / MiB).toFixed(1)} MiB (bound ${RSS_BOUND / MiB}); holding all would be ~${Math.round((COUNT * PAYLOAD) / MiB)} MiB; out of order: ${outOfOrder}; iterator dropped ${stream.dropped}`,
  });
  expect(outOfOrder).toBe(0);
  expect(seqs).toEqual(Array.from({ length: COUNT }, (_, i) => i));
  expect(stream.dropped).toBe(0);
  // The producer finished long before the consumer: the backlog sat at the broker, not here.
  expect(publishedMs).toBeLessThan(Date.now() - started);
  expect(peakRetained).toBeLessThan(RETAINED_BOUND);
  expect(peak).toBeLessThan(RSS_BOUND);
}, 300_000);
