// Client throughput: the @x/mqtt facade against MQTT.js 5.14.1, same run, same broker, same
// messages. Brokers: aedes in this process (its CPU time counts against both clients alike) and a
// spawned mosquitto. Each case runs both libraries in alternating rounds; the median round counts.
import { Client, MQTTv311 } from '@x/mqtt';
import { startAedes, startMosquitto } from '@x/test-brokers';
import mqtt from 'mqtt';
import { fmt } from './measure.js';

const MESSAGES = 20_000;
const PAYLOAD = Buffer.alloc(64, 0x61);
/** A run that has not finished by then reports what arrived (and how many were lost). */
const RUN_TIMEOUT_MS = 60_000;

type Qos = 0 | 1;

/** The two libraries behind one small interface, so every case runs the same code for both. */
interface Library {
  readonly name: string;
  connect(port: number): Promise<Connection>;
}

interface Connection {
  /** Resolves when the broker acknowledged it (QoS 1) or it was handed to the socket (QoS 0). */
  publish(topic: string, payload: Uint8Array, qos: Qos): PromiseLike<unknown>;
  subscribe(filter: string, qos: Qos): Promise<void>;
  onMessage(handler: () => void): void;
  close(): Promise<void>;
}

/** `maxInflight` 0 lifts the in-flight window to the broker's receive maximum (MQTT.js has none). */
const ours = (name: string, maxInflight?: number): Library => ({
  name,
  async connect(port) {
    const client = new Client({ protocol: MQTTv311, autoReconnect: false });
    if (maxInflight !== undefined) client.maxInflightMessagesSet(maxInflight);
    await client.connect('127.0.0.1', port);
    return {
      publish: (topic, payload, qos) => client.publish(topic, payload, qos),
      subscribe: async (filter, qos) => {
        await client.subscribe(filter, qos);
      },
      onMessage: (handler) => {
        client.onMessage = handler;
      },
      close: async () => {
        await client.disconnect();
      },
    };
  },
});

const oursDefault = ours('@x/mqtt');
const oursUnlimited = ours('@x/mqtt, no in-flight limit', 0);

const mqttJs: Library = {
  name: 'MQTT.js 5.14.1',
  async connect(port) {
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { protocolVersion: 4, reconnectPeriod: 0 });
    return {
      publish: (topic, payload, qos) => client.publishAsync(topic, Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength), { qos }),
      subscribe: async (filter, qos) => {
        await client.subscribeAsync(filter, { qos });
      },
      onMessage: (handler) => {
        client.on('message', handler);
      },
      close: async () => {
        await client.endAsync();
      },
    };
  },
};

interface RunResult {
  perSecond: number;
  lost: number;
}

let runId = 0;

/** Publishes MESSAGES on one connection; waits for every ack or, with `endToEnd`, for a subscriber on a second connection to get them all. */
async function run(lib: Library, port: number, qos: Qos, endToEnd: boolean): Promise<RunResult> {
  const topic = `bench/${lib.name.replace(/\W/g, '')}/${runId++}`;
  const publisher = await lib.connect(port);
  const subscriber = endToEnd ? await lib.connect(port) : undefined;
  try {
    let received = 0;
    let allReceived = (): void => undefined;
    const arrived = new Promise<void>((resolve) => (allReceived = resolve));
    if (subscriber !== undefined) {
      subscriber.onMessage(() => {
        if (++received === MESSAGES) allReceived();
      });
      await subscriber.subscribe(topic, qos);
    }
    const start = performance.now();
    const acks: PromiseLike<unknown>[] = [];
    for (let i = 0; i < MESSAGES; i++) acks.push(publisher.publish(topic, PAYLOAD, qos));
    const done = Promise.all([Promise.all(acks), subscriber === undefined ? undefined : arrived]);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), RUN_TIMEOUT_MS)));
    const outcome = await Promise.race([done, timedOut]);
    clearTimeout(timer);
    const elapsed = performance.now() - start;
    const delivered = subscriber === undefined ? (outcome === 'timeout' ? 0 : MESSAGES) : received;
    return { perSecond: (delivered * 1000) / elapsed, lost: MESSAGES - delivered };
  } finally {
    await Promise.allSettled([publisher.close(), subscriber?.close()]);
  }
}

interface Case {
  name: string;
  qos: Qos;
  endToEnd: boolean;
}

const CASES: readonly Case[] = [
  { name: 'publish QoS 1, until all PUBACKed', qos: 1, endToEnd: false },
  { name: 'end to end QoS 0 (2nd connection receives)', qos: 0, endToEnd: true },
  { name: 'end to end QoS 1 (2nd connection receives)', qos: 1, endToEnd: true },
];

interface Row {
  broker: string;
  name: string;
  ours: RunResult;
  oursUnlimited: RunResult;
  theirs: RunResult;
}

function medianRun(results: readonly RunResult[]): RunResult {
  const sorted = [...results].sort((a, b) => a.perSecond - b.perSecond);
  return sorted[sorted.length >> 1]!;
}

async function benchBroker(broker: string, port: number, rounds: number): Promise<Row[]> {
  const rows: Row[] = [];
  const libs = [oursDefault, oursUnlimited, mqttJs];
  for (const c of CASES) {
    const results: RunResult[][] = libs.map(() => []);
    for (let round = 0; round < rounds; round++) {
      // rotate who goes first, so a slow moment of the machine does not always hit the same side
      for (let k = 0; k < libs.length; k++) {
        const i = (round + k) % libs.length;
        results[i]!.push(await run(libs[i]!, port, c.qos, c.endToEnd));
      }
    }
    const [o, u, t] = results.map(medianRun);
    rows.push({ broker, name: c.name, ours: o!, oursUnlimited: u!, theirs: t! });
  }
  return rows;
}

const cell = (r: RunResult): string => (r.lost === 0 ? fmt(r.perSecond) : `${fmt(r.perSecond)} (lost ${r.lost})`);

function printRows(rows: readonly Row[], rounds: number): void {
  console.log(`\n## Client throughput (${fmt(MESSAGES)} messages of ${PAYLOAD.length} B, MQTT 3.1.1, median of ${rounds} round${rounds > 1 ? 's' : ''})\n`);
  console.log(`| broker | case | ${oursDefault.name} (msgs/s) | ${mqttJs.name} (msgs/s) | ratio | ${oursUnlimited.name} (msgs/s) | ratio |`);
  console.log('|---|---|---:|---:|---:|---:|---:|');
  const ratio = (a: RunResult, b: RunResult): string => `${(a.perSecond / b.perSecond).toFixed(2)}x`;
  for (const r of rows) {
    console.log(`| ${r.broker} | ${r.name} | ${cell(r.ours)} | ${cell(r.theirs)} | ${ratio(r.ours, r.theirs)} | ${cell(r.oursUnlimited)} | ${ratio(r.oursUnlimited, r.theirs)} |`);
  }
  console.log(
    '\nDefaults on both sides: @x/mqtt keeps at most 20 QoS 1 messages in flight (Paho\'s max_inflight_messages);' +
      ' MQTT.js sends all of them at once; the last two columns lift our window (maxInflightMessagesSet(0)). aedes runs in this process, so its work is timed with each client.' +
      ' mosquitto runs with max_queued_messages 0 (no per-client queue limit) so that nothing is dropped.',
  );
}

export async function benchClient(quick: boolean): Promise<void> {
  const rounds = quick ? 1 : 3;
  const rows: Row[] = [];
  const aedes = await startAedes();
  try {
    rows.push(...(await benchBroker('aedes 1.2.0 (in process)', aedes.port, rounds)));
  } finally {
    await aedes.close();
  }
  const mosquitto = await startMosquitto({ extraConfig: 'max_queued_messages 0' });
  try {
    rows.push(...(await benchBroker('mosquitto 2 (spawned)', mosquitto.ports.mqtt, rounds)));
  } finally {
    await mosquitto.stop();
  }
  printRows(rows, rounds);
}
