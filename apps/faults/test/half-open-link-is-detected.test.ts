// Fault: a half-open link. A proxy between client and broker stops forwarding (sockets stay open,
// bytes are dropped both ways), as when a NAT entry or a peer vanishes without a FIN.
// Promise checked: with keepalive 2 s the client declares the link dead (KEEPALIVE_TIMEOUT,
// rc MQTT_ERR_KEEPALIVE) within 1.5 x keepalive of the freeze, whatever it was doing (idle, or
// streaming QoS 0 so that it never stops sending), reconnects through a fresh proxy connection,
// and every QoS 1 message published across the freeze arrives.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, MQTT_ERR_KEEPALIVE, MQTTv311, type MqttMessage } from '@x/mqtt';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { range, Tally } from '../src/tally.js';
import { startTcpProxy, type TcpProxy } from '../src/tcp-proxy.js';
import { sleep, waitUntil } from '../src/wait.js';
import { report } from './support/results.js';

const KEEPALIVE = 2;
const LIMIT_MS = 1.5 * KEEPALIVE * 1000;
/** Timer callbacks may run a little late on a loaded CI machine. */
const SCHEDULING_SLACK_MS = 150;

let broker: MosquittoBroker<'mqtt'>;
let proxy: TcpProxy;
const clients: Client[] = [];
const detections: number[] = [];
const tally = new Tally();
let sent = 0;

beforeAll(async () => {
  broker = await startMosquitto();
  proxy = await startTcpProxy({ targetPort: broker.ports.mqtt });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.disconnect().catch(() => undefined)));
  await proxy?.close();
  await broker?.stop();
  report({
    fault: 'half-open link (proxy black-holes both ways), keepalive 2 s',
    sent,
    received: tally.report('s', []).deliveries,
    lost: tally.report('s', range(0, sent)).missing.length,
    duplicated: tally.report('s', []).duplicates,
    note: `detected after ${detections.map((ms) => `${ms} ms`).join(', ')} (limit ${LIMIT_MS} ms)`,
  });
});

async function subscriber(topic: string): Promise<void> {
  const sub = new Client({ protocol: MQTTv311 });
  clients.push(sub);
  sub.onMessage = (_c, _u, m: MqttMessage) => tally.record('s', Number(m.text()));
  await sub.connect('127.0.0.1', broker.ports.mqtt, 30);
  await sub.subscribe(topic, 1);
}

/** Freezes the link `afterMs` into the client's keepalive cycle; resolves with the detection delay. */
async function freezeAndTime(client: Client, disconnects: number[], afterMs: number): Promise<number> {
  await sleep(afterMs);
  const before = disconnects.length;
  const frozenAt = Date.now();
  proxy.freeze();
  await waitUntil(() => disconnects.length > before, 3 * LIMIT_MS, 'the client to notice the dead link', 5);
  const detectedAfter = Date.now() - frozenAt;
  detections.push(detectedAfter);
  expect(disconnects[before]).toBe(MQTT_ERR_KEEPALIVE);
  return detectedAfter;
}

function keepaliveClient(clientId: string): { client: Client; disconnects: number[]; connects: () => number } {
  const client = new Client({ clientId, cleanSession: false, protocol: MQTTv311 });
  client.reconnectDelaySet(0.05, 0.2);
  clients.push(client);
  const disconnects: number[] = [];
  let connects = 0;
  client.onDisconnect = (_c, _u, rc) => disconnects.push(rc);
  client.onConnect = () => connects++;
  return { client, disconnects, connects: () => connects };
}

it('an idle client detects the dead link within 1.5 x keepalive, at any point of its ping cycle, and reconnects', async () => {
  const { client, disconnects, connects } = keepaliveClient('faults-half-open-idle');
  await client.connect('127.0.0.1', proxy.port, KEEPALIVE);
  // Worst case: the freeze lands just after a PINGRESP (the link was last proven alive).
  for (const phase of [KEEPALIVE * 1000 + 50, 700]) {
    const delay = await freezeAndTime(client, disconnects, phase);
    expect(delay).toBeLessThanOrEqual(LIMIT_MS + SCHEDULING_SLACK_MS);
    await waitUntil(() => client.isConnected(), 5000, 'the reconnect');
  }
  expect(connects()).toBe(3);
}, 30_000);

it('a client streaming QoS 0 (so it never stops sending) still detects the dead link, and QoS 1 sent across the freeze arrives', async () => {
  const topic = 'faults/half-open/stream';
  await subscriber(topic);
  const { client, disconnects } = keepaliveClient('faults-half-open-stream');
  await client.connect('127.0.0.1', proxy.port, KEEPALIVE);
  let streaming = true;
  const completions: Array<PromiseLike<unknown>> = [];
  const stream = (async () => {
    while (streaming) {
      client.publish(`${topic}/telemetry`, 'tick', 0);
      completions.push(client.publish(topic, String(sent++), 1));
      await sleep(100);
    }
  })();
  await sleep(500);
  const delay = await freezeAndTime(client, disconnects, 0);
  await waitUntil(() => client.isConnected(), 5000, 'the reconnect');
  await sleep(500);
  streaming = false;
  await stream;
  await Promise.all(completions);
  await waitUntil(() => tally.unique('s') >= sent, 5000, 'every QoS 1 message').catch(() => undefined);
  expect(tally.report('s', range(0, sent)).missing).toEqual([]);
  expect(delay).toBeLessThanOrEqual(LIMIT_MS + SCHEDULING_SLACK_MS);
}, 30_000);
