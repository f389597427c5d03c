// Fault: a hostile broker (a raw TCP server) answers with garbage, a 256 MB remaining length, a
// second CONNACK, a PUBLISH with QoS 3, or a huge PUBLISH trickled
// one byte per 50 ms. Promise checked: each ends in a typed MqttError (code via connect()'s
// rejection or the error log line, rc via onDisconnect), the client closes the socket itself, the
// process survives, and memory stays bounded (maximumPacketSize 64 KiB caps what is buffered).
// Acks for a packet id never used are no protocol error: the client warns and stays connected.
import { afterAll, expect, it } from 'vitest';
import { Client, MqttError, MQTT_ERR_KEEPALIVE, MQTT_ERR_PAYLOAD_SIZE, MQTT_ERR_PROTOCOL, MQTTv311, type ClientOptions } from '@x/mqtt';
import { CONNACK, startHostileBroker, trickle, varint, type HostileScript } from '../src/hostile-broker.js';
import { MiB, retainedMemory, sleep, waitUntil } from '../src/wait.js';
import { report } from './support/results.js';

const LIMIT = 64 * 1024;
const KEEPALIVE = 2;
const outcomes: string[] = [];
const baseline = retainedMemory();

afterAll(async () => {
  const after = retainedMemory();
  report({
    fault: 'hostile broker: garbage, 256 MB length, CONNACK twice, unknown acks (tolerated), QoS 3, 1-byte/50 ms trickle',
    sent: 0,
    received: 0,
    lost: 0,
    duplicated: 0,
    note: `${outcomes.join('; ')}; heap +${((after.heapUsed - baseline.heapUsed) / MiB).toFixed(1)} MiB, buffers +${((after.external - baseline.external) / MiB).toFixed(1)} MiB over all cases`,
  });
});

interface Outcome {
  readonly code: string | undefined;
  readonly rc: number | undefined;
  readonly closedAfterMs: number;
  readonly connectRejected: boolean;
}

/** Connects a client to a broker running `script` and waits for the client to hang up. */
async function against(script: HostileScript, options: ClientOptions = {}): Promise<Outcome> {
  const broker = await startHostileBroker(script);
  const client = new Client({ protocol: MQTTv311, autoReconnect: false, maximumPacketSize: LIMIT, ...options });
  const errors: string[] = [];
  let rc: number | undefined;
  client.onLog = (_c, _u, _level, line) => {
    const code = /^([A-Z_]+): /.exec(line)?.[1];
    if (code !== undefined) errors.push(code);
  };
  client.onDisconnect = (_c, _u, r) => (rc = r);
  let code: string | undefined;
  let connectRejected = false;
  try {
    await client.connect('127.0.0.1', broker.port, KEEPALIVE);
  } catch (error) {
    connectRejected = true;
    expect(error).toBeInstanceOf(MqttError);
    code = (error as MqttError).code;
  }
  try {
    const closedAfterMs = await Promise.race([broker.clientClosed, sleep(10_000).then(() => -1)]);
    await waitUntil(() => connectRejected || rc !== undefined, 2000, 'onDisconnect');
    expect(client.isConnected()).toBe(false);
    return { code: code ?? errors[0], rc, closedAfterMs, connectRejected };
  } finally {
    await client.disconnect().catch(() => undefined);
    await broker.close();
  }
}

function check(name: string, outcome: Outcome, code: string, rc?: number): void {
  outcomes.push(`${name}: ${outcome.code ?? 'no error'}${outcome.rc !== undefined ? ` rc ${outcome.rc}` : ''}, closed after ${outcome.closedAfterMs} ms`);
  expect(outcome.code).toBe(code);
  if (rc !== undefined) expect(outcome.rc).toBe(rc);
  expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(0);
}

it('garbage instead of a CONNACK: connect() rejects with MALFORMED_PACKET and the client hangs up', async () => {
  const outcome = await against((s) => void s.write(Uint8Array.of(0x00, 0xde, 0xad, 0xbe, 0xef)));
  expect(outcome.connectRejected).toBe(true);
  check('garbage', outcome, 'MALFORMED_PACKET');
});

it('a PUBLISH announcing 256 MB: PACKET_TOO_LARGE at once, nothing buffered', async () => {
  const before = retainedMemory();
  const outcome = await against((s) => {
    s.write(CONNACK);
    setTimeout(() => s.write(Uint8Array.of(0x30, ...varint(268_435_455))), 50);
  });
  check('256 MB length', outcome, 'PACKET_TOO_LARGE', MQTT_ERR_PAYLOAD_SIZE);
  expect(outcome.closedAfterMs).toBeLessThan(1000);
  expect(retainedMemory().external - before.external).toBeLessThan(8 * MiB);
});

it('a second CONNACK: INVALID_STATE', async () => {
  const outcome = await against((s) => {
    s.write(CONNACK);
    setTimeout(() => s.write(CONNACK), 50);
  });
  check('CONNACK twice', outcome, 'INVALID_STATE', MQTT_ERR_PROTOCOL);
});

it('acks for a packet id never used are tolerated: a warning, PUBREL for the PUBREC, and the connection stays', async () => {
  let fromClient = Buffer.alloc(0);
  const broker = await startHostileBroker((s) => {
    s.on('data', (chunk: Buffer) => (fromClient = Buffer.concat([fromClient, chunk])));
    s.write(CONNACK);
    // PUBACK, PUBCOMP and PUBREC for id 13423, which the client never used (issue 12 item 1).
    setTimeout(() => s.write(Uint8Array.of(0x40, 0x02, 0x34, 0x6f, 0x70, 0x02, 0x34, 0x6f, 0x50, 0x02, 0x34, 0x6f)), 50);
  });
  const client = new Client({ protocol: MQTTv311, autoReconnect: false });
  const warnings: string[] = [];
  client.onLog = (_c, _u, _level, line) => {
    if (line.startsWith('UNKNOWN_PACKET_ID')) warnings.push(line);
  };
  try {
    await client.connect('127.0.0.1', broker.port, KEEPALIVE);
    await waitUntil(() => fromClient.includes(Buffer.from([0x62, 0x02, 0x34, 0x6f])), 2000, 'PUBREL for the unknown PUBREC');
    await sleep(200);
    expect(client.isConnected()).toBe(true);
    expect(warnings).toHaveLength(3);
    outcomes.push(`unknown PUBACK/PUBCOMP/PUBREC: ${warnings.length} warnings, PUBREL sent, still connected`);
  } finally {
    await client.disconnect().catch(() => undefined);
    await broker.close();
  }
});

// rc: the facade maps INVALID_QOS to MQTT_ERR_CONN_LOST (7), where Paho reports a broker's bad
// packet as MQTT_ERR_PROTOCOL (2) (packages/mqtt/src/paho-rc.ts; see README, facade bugs).
it('a PUBLISH with QoS 3: INVALID_QOS, reported as a protocol error', async () => {
  const outcome = await against((s) => {
    s.write(CONNACK);
    setTimeout(() => s.write(Uint8Array.of(0x36, 0x07, 0x00, 0x01, 0x74, 0x00, 0x01, 0x68, 0x69)), 50);
  });
  check('QoS 3', outcome, 'INVALID_QOS', MQTT_ERR_PROTOCOL);
});

it('a trickled PUBLISH announcing more than maximumPacketSize: PACKET_TOO_LARGE as soon as its length is read', async () => {
  const outcome = await against((s) => {
    s.write(CONNACK);
    trickle(s, Uint8Array.of(0x30, ...varint(10 * MiB), 0x00, 0x01, 0x74, ...new Uint8Array(1000)), 50);
  });
  check('trickle over the limit', outcome, 'PACKET_TOO_LARGE', MQTT_ERR_PAYLOAD_SIZE);
  expect(outcome.closedAfterMs).toBeLessThan(1000);
});

it('a never-ending trickle of a PUBLISH under the limit: bytes arriving are not a PINGRESP, so keepalive ends it within 1.5 x keepalive', async () => {
  const before = retainedMemory();
  const announced = LIMIT - 100;
  const outcome = await against((s) => {
    s.write(CONNACK);
    trickle(s, Uint8Array.of(0x30, ...varint(announced), 0x00, 0x01, 0x74, ...new Uint8Array(announced - 3)), 50);
  });
  check('slow trickle under the limit', outcome, 'KEEPALIVE_TIMEOUT', MQTT_ERR_KEEPALIVE);
  expect(outcome.closedAfterMs).toBeLessThanOrEqual(1.5 * KEEPALIVE * 1000 + 200);
  expect(retainedMemory().external - before.external).toBeLessThan(LIMIT + MiB);
});

// Found by this suite: without maximumPacketSize (the facade's default is "no limit") the codec's
// Decoder allocates the whole announced body when it reads the fixed header, so 5 bytes from a
// broker cost 256 MB (packages/mqtt-codec/src/decoder.ts, `new Uint8Array(length)`). Not fixed
// here: the codec is outside this suite's remit; see README.
it('with no maximumPacketSize set, a 5-byte header announcing 256 MB does not make the client allocate 256 MB', async () => {
  const before = retainedMemory();
  let peak = 0;
  const outcome = await against((s) => {
    s.write(CONNACK);
    s.write(Uint8Array.of(0x30, ...varint(268_435_455), 0x00, 0x01, 0x74));
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 20);
    s.once('close', () => clearInterval(timer));
  }, { maximumPacketSize: undefined });
  outcomes.push(`no limit + 256 MB header: ${outcome.code}, peak buffers +${((peak - before.external) / MiB).toFixed(0)} MiB`);
  expect(outcome.code).toBe('KEEPALIVE_TIMEOUT');
  expect(peak - before.external).toBeLessThan(16 * MiB);
});

it('the process is still healthy and memory is back near where it started', () => {
  const after = retainedMemory();
  expect(after.heapUsed - baseline.heapUsed).toBeLessThan(16 * MiB);
  expect(after.external - baseline.external).toBeLessThan(16 * MiB);
});
