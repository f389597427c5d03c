// End to end through mosquitto: a publisher and a subscriber of the same library in two processes
// (src/e2e-publisher.mjs, src/e2e-subscriber.mjs), a fresh mosquitto per run. Throughput: delivered
// msgs/s (first publish to last arrival, on the clock both processes share), client CPU per message
// (publisher + subscriber) and broker CPU per message (utime + stime of /proc/<pid>/stat around the
// measured part). Latency: publish-to-receive p50/p99/p99.9 at a fixed offered rate. Rounds interleaved,
// the reference client (raw-client.mjs) in the same rounds.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnNode, startMosquitto } from '@x/test-brokers';
import { fmt, interleaved, med, ratioCell, type Lib } from './rounds.js';
import { workerLines } from './worker-lines.js';

interface Run {
  readonly received: number;
  readonly lost: number;
  readonly msgsPerSec: number;
  /** What the publisher achieved of the offered rate (latency runs). */
  readonly sentPerSec: number;
  readonly clientCpuUsPerMsg: number;
  readonly brokerCpuUsPerMsg: number;
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
}

const publisher = fileURLToPath(new URL('./e2e-publisher.mjs', import.meta.url));
const subscriber = fileURLToPath(new URL('./e2e-subscriber.mjs', import.meta.url));
const benchDir = fileURLToPath(new URL('..', import.meta.url));
const WARM = 2000;
/**
 * No per-client queue limit (nothing is dropped for a slow subscriber), and TCP_NODELAY on the
 * broker's sockets: without it mosquitto's acks wait on Nagle, and QoS 1/2 crawl at ~2k msgs/s for
 * both libraries. max_inflight_messages stays at its default, 20.
 */
const BROKER_CONFIG = 'max_queued_messages 0\nset_tcp_nodelay true';
/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat, 100 on every Linux the kernel exposes. */
const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of a process, in µs. */
function cpuOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_SECOND;
}

function stopChild(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
}

/** `w`: publishes awaited at once (throughput) or offered msgs/s (latency). */
async function runOnce(lib: Lib, qos: number, mode: 'throughput' | 'latency', n: number, w: number): Promise<Run> {
  const broker = await startMosquitto({ extraConfig: BROKER_CONFIG });
  const port = String(broker.ports.mqtt);
  const children: ChildProcess[] = [];
  try {
    const sub = spawnNode([subscriber, lib, port, String(qos), mode, String(n), String(WARM)], { cwd: benchDir, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(sub);
    const subLines = workerLines(sub, 'e2e-subscriber');
    await subLines.next('ready', 20_000);
    const pub = spawnNode([publisher, lib, port, String(qos), mode, String(n), String(WARM), String(w)], { cwd: benchDir, stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(pub);
    const pubLines = workerLines(pub, 'e2e-publisher');
    await Promise.all([pubLines.next('waiting', 30_000), subLines.next('warmed', 30_000)]);
    const broker0 = cpuOf(broker.pid);
    pub.stdin?.write('go\n');
    const [p, s] = await Promise.all([pubLines.next('result', 180_000), subLines.next('result', 180_000)]);
    const brokerUs = cpuOf(broker.pid) - broker0;
    pub.stdin?.write('end\n');
    const received = s.received as number;
    const firstAt = p.firstAt as number;
    return {
      received,
      lost: n - received,
      msgsPerSec: (received * 1000) / ((s.lastAt as number) - firstAt),
      sentPerSec: (n * 1000) / ((p.sentAt as number) - firstAt),
      clientCpuUsPerMsg: ((p.cpuUs as number) + (s.cpuUs as number)) / received,
      brokerCpuUsPerMsg: brokerUs / received,
      p50: (s.p50 as number | undefined) ?? NaN,
      p99: (s.p99 as number | undefined) ?? NaN,
      p999: (s.p999 as number | undefined) ?? NaN,
    };
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const child of children) stopChild(child);
    await broker.stop();
  }
}

const lostNote = (runs: readonly Run[]): string => {
  const lost = runs.reduce((sum, r) => sum + r.lost, 0);
  return lost === 0 ? '' : ` (lost ${fmt(lost)} over the rounds)`;
};

async function throughput(quick: boolean): Promise<void> {
  const rounds = quick ? 3 : 5;
  const scale = quick ? 0.25 : 1;
  const cases = [
    { qos: 0, n: 200_000, window: 100 },
    { qos: 1, n: 60_000, window: 20 },
    { qos: 2, n: 40_000, window: 20 },
  ];
  console.log(`\n## End to end through mosquitto: throughput, publisher and subscriber in two processes, @x/mqtt vs MQTT.js 5.16.0, ${rounds} interleaved rounds\n`);
  console.log('| case | figure | @x/mqtt | MQTT.js | ours / theirs, median (min-max) | reference client | reference / MQTT.js |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const c of cases) {
    const n = Math.round(c.n * scale);
    const { ours, theirs, raw } = await interleaved(rounds, (lib) => runOnce(lib, c.qos, 'throughput', n, c.window), true);
    const name = `QoS ${c.qos}, ${fmt(n)} x 16 B, at most ${c.window} awaited`;
    const rows: Array<[string, (r: Run) => number, number]> = [
      ['delivered msgs/s', (r) => r.msgsPerSec, 0],
      ['client CPU µs/msg (publisher + subscriber)', (r) => r.clientCpuUsPerMsg, 1],
      ['broker CPU µs/msg', (r) => r.brokerCpuUsPerMsg, 1],
    ];
    for (const [figure, pick, digits] of rows) {
      const cell = (runs: readonly Run[]): string => `${fmt(med(runs, pick), digits)}${figure.startsWith('delivered') ? lostNote(runs) : ''}`;
      console.log(`| ${name} | ${figure} | ${cell(ours)} | ${cell(theirs)} | ${ratioCell(ours.map(pick), theirs.map(pick))} | ${cell(raw)} | ${ratioCell(raw.map(pick), theirs.map(pick))} |`);
    }
  }
}

async function latency(quick: boolean): Promise<void> {
  const rounds = quick ? 2 : 3;
  const seconds = (rate: number): number => (quick ? (rate >= 10_000 ? 1 : 2) : rate >= 10_000 ? 3 : 5);
  const cases = [0, 1, 2].flatMap((qos) => [1_000, 10_000].map((rate) => ({ qos, rate, n: rate * seconds(rate) })));
  console.log(`\n## End to end through mosquitto: publish-to-receive latency at a fixed offered rate, @x/mqtt vs MQTT.js 5.16.0, ${rounds} interleaved rounds\n`);
  console.log('| case | @x/mqtt p50 / p99 / p99.9 (ms) | MQTT.js p50 / p99 / p99.9 (ms) | p99 ours / theirs, median (min-max) | sent msgs/s, ours / MQTT.js | reference client p50 / p99 / p99.9 (ms) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const c of cases) {
    const { ours, theirs, raw } = await interleaved(rounds, (lib) => runOnce(lib, c.qos, 'latency', c.n, c.rate), true);
    const pcts = (runs: readonly Run[]): string =>
      `${fmt(med(runs, (r) => r.p50), 2)} / ${fmt(med(runs, (r) => r.p99), 2)} / ${fmt(med(runs, (r) => r.p999), 2)}${lostNote(runs)}`;
    const row = [
      `QoS ${c.qos}, ${fmt(c.rate)} msgs/s offered, ${fmt(c.n)} x 16 B`,
      pcts(ours),
      pcts(theirs),
      ratioCell(ours.map((r) => r.p99), theirs.map((r) => r.p99)),
      `${fmt(med(ours, (r) => r.sentPerSec))} / ${fmt(med(theirs, (r) => r.sentPerSec))}`,
      pcts(raw),
    ];
    console.log(`| ${row.join(' | ')} |`);
  }
  console.log(
    '\nLatency: the publisher stamps each payload with the time the message became due (performance.timeOrigin + performance.now(), on a 1 ms tick);' +
      ' the subscriber subtracts it from its arrival time on the same clock. At QoS 1/2 the MQTT.js publisher keeps at most 20 unresolved (our default window;' +
      ' mosquitto drops a 3.1.1 client with more than 20 QoS 2 unanswered; so does the reference client). A ratio under 1 is better for us.' +
      ' The reference client (raw-client.mjs) does only the wire work: its tail is what the machine, the broker and the 1 ms tick leave.',
  );
}

export async function benchEndToEnd(quick: boolean): Promise<void> {
  await throughput(quick);
  await latency(quick);
}
