// Faults of issue 11 that used to kill the process or wedge the client: a broker that sends a
// CONNECT to an MQTT 5 client, bad publishes that get queued, a crafted session log with valid
// CRCs, and connect/disconnect/reconnect races. Promise checked: a typed MqttError at the call or
// through the client's error path, never an uncaught exception; the client still works after.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, MqttError, MQTTv311, MQTTv5 } from '@x/mqtt';
import { FileSessionStore } from '@x/mqtt-store-file';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { startHostileBroker } from '../src/hostile-broker.js';
import { waitUntil } from '../src/wait.js';
import { report } from './support/results.js';

const notes: string[] = [];
const uncaught: unknown[] = [];
const onUncaught = (error: unknown): void => void uncaught.push(error);
let broker: MosquittoBroker<'mqtt'>;
const dirs: string[] = [];

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  broker = await startMosquitto();
});

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await broker?.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  report({ fault: 'hostile CONNECT to a v5 client, queued bad publishes, crafted session log, connect/disconnect races', sent: 0, received: 0, lost: 0, duplicated: 0, note: `${notes.join('; ')}; uncaught exceptions: ${uncaught.length}` });
});

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MqttError);
    return (error as MqttError).code;
  }
  return 'no error';
};

it('a broker that sends a CONNECT after CONNACK (v5): a typed error, DISCONNECT 0x82, the process lives', async () => {
  const received: Buffer[] = [];
  const hostile = await startHostileBroker((socket) => {
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.write(Uint8Array.of(0x20, 0x03, 0x00, 0x00, 0x00));
    setTimeout(() => socket.write(Uint8Array.from([0x10, 0x0d, 0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, 0x06, 0x02, 0x00, 0x3c, 0x00, 0x00, 0x00])), 20);
  });
  const client = new Client({ protocol: MQTTv5, autoReconnect: false });
  const codes: string[] = [];
  client.onLog = (_c, _u, _l, line) => {
    const code = /^([A-Z_]+): /.exec(line)?.[1];
    if (code !== undefined) codes.push(code);
  };
  await client.connect('127.0.0.1', hostile.port);
  const closedAfter = await hostile.clientClosed;
  await waitUntil(() => !client.isConnected(), 2000, 'the client to hang up');
  const disconnect = Buffer.concat(received).subarray(-4); // e0 02 <reason> 00
  notes.push(`hostile CONNECT: ${codes[0] ?? 'no error'}, DISCONNECT reason 0x${disconnect[2]?.toString(16)}, closed after ${closedAfter} ms`);
  expect(codes).toContain('UNSUPPORTED_PROTOCOL_VERSION');
  expect([...disconnect]).toEqual([0xe0, 0x02, 0x82, 0x00]);
  expect(uncaught).toEqual([]);
  await hostile.close();
});

it('bad publishes offline and with the window full throw at the call; the queue and the next PUBACK are fine', async () => {
  const client = new Client({ protocol: MQTTv5, autoReconnect: false });
  const offline = [
    codeOf(() => client.publish('a\ud800b', 'x', 1)),
    codeOf(() => client.publish('t', 'x', 1, false, { topicAlias: 0 })),
    codeOf(() => client.publish('t', 'x', 1, false, { subscriptionIdentifiers: [1] } as never)),
  ];
  const good = client.publish('faults/bad-publish', 'good', 1);
  await client.connect('127.0.0.1', broker.ports.mqtt);
  await good;
  client.maxInflightMessagesSet(1);
  const first = client.publish('faults/bad-publish', 'first', 1);
  const online = codeOf(() => client.publish('x'.repeat(70_000), 'x', 1));
  await first;
  notes.push(`queued bad publishes: offline ${offline.join(', ')}; window full ${online}; the good ones acknowledged`);
  expect(offline).toEqual(['INVALID_UTF8', 'INVALID_PROPERTY', 'INVALID_PROPERTY']);
  expect(online).not.toBe('no error');
  expect(uncaught).toEqual([]);
  await client.disconnect();
});

it('a crafted session log (valid CRC, topic a/#) is reported as damage at open, and the session resumes without it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'x-mqtt-faults-crafted-'));
  dirs.push(dir);
  const writer = await FileSessionStore.open(dir, { durability: 'none' });
  await writer.apply({ op: 'putOutgoing', message: { mid: 1, topic: 'a/b', payload: new TextEncoder().encode('crafted'), qos: 1, retain: false, properties: undefined, packetId: undefined, state: 'queued' } });
  await writer.close();
  // Rewrite the topic to a/# and fix the record's CRC, as an attacker with the file would.
  const log = await readFile(join(dir, 'session.log'));
  const at = log.indexOf('a/b');
  let start = 0;
  while (start + 8 + log.readUInt32LE(start) <= at) start += 8 + log.readUInt32LE(start);
  log.write('a/#', at);
  const length = log.readUInt32LE(start);
  log.writeUInt32LE(crc32(log.subarray(start + 8, start + 8 + length), crc32(log.subarray(start, start + 4))) >>> 0, start + 4);
  await writeFile(join(dir, 'session.log'), log);

  const reports: string[] = [];
  const store = await FileSessionStore.open(dir, { onCorruption: (r) => reports.push(`${r.reason}: ${r.error.message}`) });
  const client = new Client({ protocol: MQTTv311, clientId: 'faults-crafted', cleanSession: false, sessionStore: store, autoReconnect: false });
  await client.connect('127.0.0.1', broker.ports.mqtt);
  await client.publish('faults/crafted', 'after', 1);
  notes.push(`crafted log: ${reports.length} damage report (${reports[0]?.split(':')[0] ?? 'none'}), client connected and published`);
  expect(reports).toHaveLength(1);
  expect(reports[0]).toContain('malformed');
  expect(uncaught).toEqual([]);
  await client.disconnect();
  await store.close();
});

it('connect then disconnect, connect then reconnect, two connects at once: one connection or none, every promise settles', async () => {
  const url = `mqtt://127.0.0.1:${broker.ports.mqtt}`;
  const a = new Client({ clientId: 'faults-race-a', autoReconnect: false });
  const pending = a.connect(url);
  await a.disconnect();
  const first = await pending.then(() => 'connected', (error: unknown) => (error as MqttError).code);
  expect(first).toBe('ABORTED');
  expect(a.isConnected()).toBe(false);

  const b = new Client({ clientId: 'faults-race-b', autoReconnect: false });
  const opening = b.connect(url);
  const again = b.reconnect().then(() => 'connected', (error: unknown) => (error as MqttError).code);
  const second = await opening.then(() => 'connected', (error: unknown) => (error as MqttError).code);
  const secondAgain = await again;
  expect([second, secondAgain]).toContain('connected');
  expect(b.isConnected()).toBe(true);
  await b.disconnect();

  const dir = await mkdtemp(join(tmpdir(), 'x-mqtt-faults-race-'));
  dirs.push(dir);
  const store = await FileSessionStore.open(dir, { durability: 'none' });
  const c = new Client({ clientId: 'faults-race-c', cleanSession: false, sessionStore: store, autoReconnect: false });
  const both = await Promise.allSettled([c.connect(url), c.connect(url)]);
  const outcomes = both.map((r) => (r.status === 'fulfilled' ? 'connected' : (r.reason as MqttError).code));
  expect(outcomes.sort()).toEqual(['INVALID_STATE', 'connected']);
  await c.disconnect();
  expect(c.isConnected()).toBe(false);
  await store.close();
  notes.push(`races: connect+disconnect -> ${first}; connect+reconnect -> ${second}/${secondAgain}; two connects with a store -> ${outcomes.join('/')}`);
  expect(uncaught).toEqual([]);
});
