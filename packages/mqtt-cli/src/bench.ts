// xmqtt bench: conn / pub / sub load against a broker, a progress line each second on stderr and
// a summary at the end (stdout; --json for machines). Ctrl-C ends a run cleanly: DISCONNECT on
// every connection, then the summary. Invariant: every connection opened is closed before return.
import { parseArgs } from 'node:util';
import type { Client, QoS } from '@x/mqtt';
import { numberFlag, usageError } from './cli-error.js';
import { CONNECTION_HELP, CONNECTION_OPTIONS, connectClient, type ConnectedClient } from './connection.js';
import { decodeHeader, encodeHeader, HEADER_BYTES, wallClock } from './bench-payload.js';
import { Histogram } from './histogram.js';
import { takeProperties } from './properties.js';

/** The text `xmqtt bench --help` prints: the conn, pub and sub modes and their options. */
export const BENCH_HELP = `Usage: xmqtt bench conn|pub|sub [options]
  bench conn -c N [--concurrency K] [--hold S]
      opens N connections (K at a time): connection rate, time to connect all, memory per connection
  bench pub -c N [-n COUNT] [-I MS] [-s BYTES] [-q Q] [-t TOPIC] [--inflight W] [-W S]
      N publishers, each COUNT messages (0: until Ctrl-C or -W), one every MS ms (0: as fast as
      W unacknowledged messages per connection allow), payload BYTES (>= ${HEADER_BYTES}), topic with %i = publisher
  bench sub -c N [-t FILTER] [-q Q] [-W S] [--idle S]
      N subscribers; ends when every publisher's COUNT arrived, after S idle seconds, -W or Ctrl-C;
      publish-to-receive latency from the timestamp in each payload, lost and duplicated counts
  Start bench sub first, then bench pub in another terminal (or in the background).
  --json             the summary as one JSON object
  --quiet            no progress lines

${CONNECTION_HELP}`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  clients: { type: 'string', short: 'c' },
  concurrency: { type: 'string' },
  hold: { type: 'string' },
  count: { type: 'string', short: 'n' },
  interval: { type: 'string', short: 'I' },
  size: { type: 'string', short: 's' },
  qos: { type: 'string', short: 'q' },
  topic: { type: 'string', short: 't' },
  inflight: { type: 'string' },
  timeout: { type: 'string', short: 'W' },
  idle: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>['values'];
type Properties = ReturnType<typeof takeProperties>['properties'];

export async function bench(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const [mode, ...rest] = argv;
  const parsed = takeProperties(rest);
  const { values } = parseArgs({ args: parsed.rest, options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help === true || mode === '--help') {
    process.stdout.write(`${BENCH_HELP}\n`);
    return 0;
  }
  if (values.id !== undefined) throw usageError('-i: bench names its connections itself (xmqtt-bench-<run>-<n>)');
  const run = (Math.random() * 0xffffffff) >>> 0;
  const summary = mode === 'conn' ? await benchConn(values, parsed.properties, run, signal) : mode === 'pub' ? await benchPub(values, parsed.properties, run, signal) : mode === 'sub' ? await benchSub(values, parsed.properties, run, signal) : undefined;
  if (summary === undefined) throw usageError(`bench: '${mode ?? ''}' is not conn, pub or sub`);
  process.stdout.write(values.json === true ? `${JSON.stringify(summary)}\n` : `${render(summary)}\n`);
  return summary.errors > 0 || (typeof summary.lost === 'number' && summary.lost > 0) ? 1 : 0;
}

interface Summary {
  readonly [key: string]: unknown;
  readonly mode: string;
  readonly errors: number;
  readonly lost?: number;
}

/** Opens `n` connections, `concurrency` at a time; closes them all if one fails or Ctrl-C. */
async function openAll(values: Values, properties: Properties, run: number, n: number, concurrency: number, signal: AbortSignal, onConnected: (ms: number) => void = () => undefined): Promise<ConnectedClient[]> {
  const open: ConnectedClient[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n && !signal.aborted) {
      const i = next++;
      const started = performance.now();
      open.push(await connectClient(values, properties, { clientId: `xmqtt-bench-${run.toString(16)}-${i}` }));
      onConnected(performance.now() - started);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(n, concurrency) }, worker));
  } catch (error) {
    await closeAll(open);
    throw error;
  }
  return open;
}

async function closeAll(open: readonly ConnectedClient[]): Promise<void> {
  await Promise.all(open.map((c) => c.close()));
}

async function benchConn(values: Values, properties: Properties, run: number, signal: AbortSignal): Promise<Summary> {
  const n = numberFlag('-c', values.clients, 100, { min: 1 });
  const concurrency = numberFlag('--concurrency', values.concurrency, 10, { min: 1 });
  const holdMs = numberFlag('--hold', values.hold, 0, { integer: false }) * 1000;
  const latency = new Histogram();
  const before = process.memoryUsage();
  const started = performance.now();
  const progress = ticker(values, () => `connected ${latency.count}/${n}`);
  let open: ConnectedClient[] = [];
  try {
    open = await openAll(values, properties, run, n, concurrency, signal, (ms) => latency.record(ms));
  } finally {
    progress.stop();
  }
  const elapsedMs = performance.now() - started;
  const after = process.memoryUsage();
  if (holdMs > 0) await sleep(holdMs, signal);
  await closeAll(open);
  return {
    mode: 'conn',
    connections: open.length,
    errors: 0,
    timeToConnectAllMs: round(elapsedMs),
    connectionsPerSecond: round((open.length / elapsedMs) * 1000),
    connectLatencyMs: latency.summary(),
    memoryPerConnectionBytes: { rss: Math.round((after.rss - before.rss) / Math.max(1, open.length)), heap: Math.round((after.heapUsed - before.heapUsed) / Math.max(1, open.length)) },
  };
}

async function benchPub(values: Values, properties: Properties, run: number, signal: AbortSignal): Promise<Summary> {
  const n = numberFlag('-c', values.clients, 1, { min: 1, max: 65535 });
  const count = numberFlag('-n', values.count, 0);
  const intervalMs = numberFlag('-I', values.interval, 0, { integer: false });
  const size = numberFlag('-s', values.size, 64, { min: HEADER_BYTES });
  const qos = numberFlag('-q', values.qos, 0, { max: 2 }) as QoS;
  const window = numberFlag('--inflight', values.inflight, 20, { min: 1 });
  const timeoutMs = numberFlag('-W', values.timeout, 0, { integer: false }) * 1000;
  const topic = values.topic ?? 'xmqtt/bench/%i';
  const ackLatency = new Histogram();
  let sent = 0;
  let acked = 0;
  let errors = 0;
  let firstError: string | undefined;
  let inFlight = 0;
  const open = await openAll(values, properties, run, n, 10, signal);
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = timeoutMs > 0 ? setTimeout(onAbort, timeoutMs) : undefined;
  const progress: { stop(): void; last: { sent: number; acked: number } } = ticker(values, (dt): string => `sent/s ${Math.round((sent - progress.last.sent) / dt)} acked/s ${Math.round((acked - progress.last.acked) / dt)} in flight ${inFlight} errors ${errors}`, () => ({ sent, acked }));
  const started = performance.now();
  const publisher = async (client: Client, index: number): Promise<void> => {
    const topicName = topic.replace(/%i/g, String(index));
    let seq = 0;
    let outstanding = 0;
    let wake: (() => void) | undefined;
    const wait = (): Promise<void> => new Promise((resolve) => {
      wake = resolve;
    });
    while (!stop.signal.aborted && (count === 0 || seq < count)) {
      if (intervalMs > 0 && seq > 0) await sleep(intervalMs, stop.signal);
      while (outstanding >= window && !stop.signal.aborted) await wait();
      if (stop.signal.aborted) break;
      const sentAt = wallClock();
      const payload = encodeHeader({ run, publisher: index, publishers: n, seq: seq++, total: count, sentAt }, size);
      outstanding++;
      inFlight++;
      sent++;
      client.publish(topicName, payload, qos).then(() => {
        acked++;
        ackLatency.record(wallClock() - sentAt);
      }, (error: unknown) => {
        errors++;
        firstError ??= String(error);
      }).finally(() => {
        outstanding--;
        inFlight--;
        wake?.();
      });
    }
    while (outstanding > 0) await wait();
  };
  try {
    await Promise.all(open.map((c, i) => publisher(c.client, i)));
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    progress.stop();
    await closeAll(open);
  }
  const elapsedMs = performance.now() - started;
  if (firstError !== undefined) process.stderr.write(`xmqtt bench pub: first error: ${firstError}\n`);
  return { mode: 'pub', connections: n, qos, size, sent, acked, errors, seconds: round(elapsedMs / 1000), msgsPerSecond: round((acked / elapsedMs) * 1000), [qos === 0 ? 'writeLatencyMs' : 'ackLatencyMs']: ackLatency.summary() };
}

async function benchSub(values: Values, properties: Properties, run: number, signal: AbortSignal): Promise<Summary> {
  const n = numberFlag('-c', values.clients, 1, { min: 1 });
  const qos = numberFlag('-q', values.qos, 0, { max: 2 }) as QoS;
  const filter = values.topic ?? 'xmqtt/bench/#';
  const timeoutMs = numberFlag('-W', values.timeout, 0, { integer: false }) * 1000;
  const idleMs = numberFlag('--idle', values.idle, 5, { integer: false }) * 1000;
  const latency = new Histogram();
  let received = 0;
  let duplicated = 0;
  let foreign = 0;
  let lastArrival = 0;
  // per subscriber: "run/publisher" -> sequence numbers seen, and that publisher's total
  const seen = Array.from({ length: n }, () => new Map<string, { seqs: Set<number>; total: number; maxSeq: number }>());
  const announced = new Map<number, number>(); // run -> publishers
  const open = await openAll(values, properties, run, n, 10, signal);
  const stop = new AbortController();
  const complete = (): boolean => {
    if (announced.size === 0) return false;
    for (const perSub of seen) {
      for (const [r, publishers] of announced) {
        for (let p = 0; p < publishers; p++) {
          const entry = perSub.get(`${r}/${p}`);
          if (entry === undefined || entry.total === 0 || entry.seqs.size < entry.total) return false;
        }
      }
    }
    return true;
  };
  open.forEach((c, i) => {
    c.client.onMessage = (_c, _u, m) => {
      const now = wallClock();
      const h = decodeHeader(m.payload);
      if (h === undefined) {
        foreign++;
        return;
      }
      received++;
      lastArrival = performance.now();
      announced.set(h.run, h.publishers);
      const key = `${h.run}/${h.publisher}`;
      const entry = seen[i]!.get(key) ?? { seqs: new Set<number>(), total: h.total, maxSeq: -1 };
      seen[i]!.set(key, entry);
      if (entry.seqs.has(h.seq)) duplicated++;
      else entry.seqs.add(h.seq);
      entry.maxSeq = Math.max(entry.maxSeq, h.seq);
      latency.record(now - h.sentAt);
      if (entry.total > 0 && entry.seqs.size === entry.total && complete()) stop.abort();
    };
  });
  const onAbort = (): void => stop.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = timeoutMs > 0 ? setTimeout(onAbort, timeoutMs) : undefined;
  const idle = setInterval(() => {
    if (lastArrival > 0 && performance.now() - lastArrival > idleMs) stop.abort();
  }, 100);
  const progress: { stop(): void; last: { received: number } } = ticker(values, (dt): string => `received/s ${Math.round((received - progress.last.received) / dt)} total ${received} duplicated ${duplicated}`, () => ({ received }));
  let errors = 0;
  let started = performance.now();
  try {
    await Promise.all(open.map(async (c) => {
      const result = await c.client.subscribe(filter, qos);
      if (result.reasonCodes.some((rc) => rc >= 0x80)) errors++;
    }));
    started = performance.now();
    if (values.quiet !== true) process.stderr.write(`xmqtt bench sub: ${n} subscribed to ${filter}\n`);
    if (!stop.signal.aborted) await new Promise((resolve) => stop.signal.addEventListener('abort', resolve, { once: true }));
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    clearInterval(idle);
    signal.removeEventListener('abort', onAbort);
    progress.stop();
    await closeAll(open);
  }
  let lost = 0;
  for (const perSub of seen) {
    for (const [r, publishers] of announced) {
      for (let p = 0; p < publishers; p++) {
        const entry = perSub.get(`${r}/${p}`);
        // a publisher that announced its total: what is missing of it; otherwise the gaps up to the last seen
        lost += entry === undefined ? 0 : (entry.total > 0 ? entry.total : entry.maxSeq + 1) - entry.seqs.size;
      }
    }
  }
  const elapsedMs = (lastArrival > 0 ? lastArrival : performance.now()) - started;
  return { mode: 'sub', connections: n, qos, received, duplicated, lost, errors, ignored: foreign, publishers: [...announced.values()].reduce((a, b) => a + b, 0), seconds: round(elapsedMs / 1000), msgsPerSecond: round((received / Math.max(1, elapsedMs)) * 1000), latencyMs: latency.summary() };
}

/** Once a second, one progress line on stderr (unless --quiet). */
function ticker<S>(values: Values, line: (seconds: number) => string, snapshot: () => S = () => ({}) as S): { stop(): void; last: S } {
  const state = { last: snapshot(), stop: () => undefined as void };
  if (values.quiet === true) return state;
  const started = performance.now();
  let previous = started;
  const timer = setInterval(() => {
    const now = performance.now();
    process.stderr.write(`[${Math.round((now - started) / 1000)}s] ${line((now - previous) / 1000)}\n`);
    previous = now;
    state.last = snapshot();
  }, 1000);
  state.stop = () => clearInterval(timer);
  return state;
}

function render(summary: Summary): string {
  const lines = [`xmqtt bench ${summary.mode}`];
  for (const [key, value] of Object.entries(summary)) {
    if (key === 'mode') continue;
    lines.push(`  ${key.padEnd(26)} ${typeof value === 'object' && value !== null ? Object.entries(value).map(([k, v]) => `${k} ${String(v)}`).join('  ') : String(value)}`);
  }
  return lines.join('\n');
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
