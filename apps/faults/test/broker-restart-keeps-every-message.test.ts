// Fault: the broker is restarted 20 times (SIGTERM, so mosquitto saves its persistent sessions on
// exit, then started again on the same ports) while two persistent-session publishers stream
// 10,000 QoS 1 and 10,000 QoS 2 messages to a persistent-session subscriber.
// Promise checked: every message arrives; QoS 2 never twice; each publisher puts its stream on the
// wire in order (resends first, with DUP) [MQTT-4.6.0-1]; the subscriber hands messages to the
// application in the order the broker sent them. All three clients go through a passive tapping
// proxy, so the client's order and the broker's order are told apart.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, MQTTv311, type MqttMessage } from '@x/mqtt';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { deliveredSeqs, PacketTap, publishOrderViolations } from '../src/packet-tap.js';
import { range, Tally } from '../src/tally.js';
import { startTcpProxy, type TcpProxy } from '../src/tcp-proxy.js';
import { sleep, waitUntil } from '../src/wait.js';
import { report } from './support/results.js';

const PER_QOS = 10_000;
const RESTARTS = 20;
const TOPIC = 'faults/restart';

let broker: MosquittoBroker<'mqtt'>;
const clients: Client[] = [];
const proxies: TcpProxy[] = [];

beforeAll(async () => {
  // max_queued_messages 0: no cap on what mosquitto queues for the offline subscriber (default 1000
  // would drop messages by design while the subscriber reconnects).
  broker = await startMosquitto({ persistence: true, extraConfig: 'max_queued_messages 0\nautosave_interval 0' });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.disconnect().catch(() => undefined)));
  await Promise.all(proxies.map((p) => p.close()));
  await broker?.stop();
});

/** A passive proxy to the broker whose traffic `tap` decodes. */
async function tapped(tap: PacketTap): Promise<number> {
  const proxy = await startTcpProxy({ targetPort: broker.ports.mqtt, onClientBytes: tap.client, onServerBytes: tap.server });
  proxies.push(proxy);
  return proxy.port;
}

function persistentClient(clientId: string): Client {
  const client = new Client({ clientId, cleanSession: false, protocol: MQTTv311 });
  client.reconnectDelaySet(0.05, 0.2);
  clients.push(client);
  return client;
}

it('loses nothing and never duplicates QoS 2 across 20 broker restarts', async () => {
  const tally = new Tally();
  const taps = { sub: new PacketTap(4), pub1: new PacketTap(4), pub2: new PacketTap(4) };
  const delivered: Record<'q1' | 'q2', number[]> = { q1: [], q2: [] };
  let sessionLost = 0;
  const sub = persistentClient('faults-restart-sub');
  sub.onMessage = (_c, _u, m: MqttMessage) => {
    const stream = m.topic.endsWith('q1') ? 'q1' : 'q2';
    tally.record(stream, Number(m.text()));
    delivered[stream].push(Number(m.text()));
  };
  sub.onConnect = (c, _u, flags) => {
    if (!flags.sessionPresent) {
      sessionLost++;
      c.subscribe(`${TOPIC}/#`, 2);
    }
  };
  await sub.connect('127.0.0.1', await tapped(taps.sub), 5);
  await waitUntil(() => sessionLost === 1, 5000, 'the first subscription');
  await sleep(100);

  const pub1 = persistentClient('faults-restart-pub1');
  const pub2 = persistentClient('faults-restart-pub2');
  let pubSessionsLost = 0;
  for (const [p, tap] of [[pub1, taps.pub1], [pub2, taps.pub2]] as const) {
    p.onConnect = (_c, _u, flags) => {
      if (!flags.sessionPresent) pubSessionsLost++;
    };
    await p.connect('127.0.0.1', await tapped(tap), 5);
  }

  // The stream: 20 + 20 messages every ~18 ms, so it lasts ~9 s and spans every restart.
  const completions: Array<PromiseLike<unknown>> = [];
  const stream = (async () => {
    for (let i = 0; i < PER_QOS; i++) {
      completions.push(pub1.publish(`${TOPIC}/q1`, String(i), 1), pub2.publish(`${TOPIC}/q2`, String(i), 2));
      if (i % 20 === 19) await sleep(18);
    }
  })();

  let restarts = 0;
  await sleep(300);
  for (; restarts < RESTARTS; restarts++) {
    await broker.restart();
    await sleep(300 + Math.floor(Math.random() * 200));
  }
  await stream;
  await Promise.all(completions);
  await waitUntil(() => tally.unique('q1') >= PER_QOS && tally.unique('q2') >= PER_QOS, 60_000, 'every message at the subscriber').catch(() => undefined);
  await sleep(300);

  const q1 = tally.report('q1', range(0, PER_QOS));
  const q2 = tally.report('q2', range(0, PER_QOS));
  const wireOrder = [...publishOrderViolations(taps.pub1.packets), ...publishOrderViolations(taps.pub2.packets)];
  // What the broker sent the subscriber, minus the PUBLISHes the session answered without delivery
  // (QoS 2 resends it had already delivered), is what the application got, in that order.
  const fromBroker = { q1: deliveredSeqs(taps.sub.packets, 'q1'), q2: deliveredSeqs(taps.sub.packets, 'q2') };
  report({
    fault: `broker restarted ${restarts}x (SIGTERM, persistence on) under 10k QoS 1 + 10k QoS 2`,
    sent: 2 * PER_QOS,
    received: q1.deliveries + q2.deliveries,
    lost: q1.missing.length + q2.missing.length,
    duplicated: q1.duplicates + q2.duplicates,
    note: `QoS 1 dup ${q1.duplicates}, QoS 2 dup ${q2.duplicates}; publisher wire order violations ${wireOrder.length}; arrivals out of publish order q1 ${q1.outOfOrder} q2 ${q2.outOfOrder} (broker's order, see README); sessions lost: sub ${sessionLost - 1}, pubs ${pubSessionsLost - 2}`,
  });
  expect(restarts).toBe(RESTARTS);
  expect(q1.missing.slice(0, 20)).toEqual([]);
  expect(q2.missing.slice(0, 20)).toEqual([]);
  expect(q2.duplicates).toBe(0);
  expect(wireOrder.slice(0, 10)).toEqual([]);
  expect(delivered.q1).toEqual(fromBroker.q1);
  expect(delivered.q2).toEqual(fromBroker.q2.filter(firstTimeOnly()));
  expect(sessionLost).toBe(1);
  expect(pubSessionsLost).toBe(2);
}, 150_000);

/** Keeps the first occurrence of each number (a QoS 2 resend is answered, not delivered). */
function firstTimeOnly(): (seq: number) => boolean {
  const seen = new Set<number>();
  return (seq) => !seen.has(seq) && (seen.add(seq), true);
}
