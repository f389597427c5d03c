// Runs the whole suite: starts the selected brokers (all boots begin at once, so RabbitMQ's slow
// boot overlaps the other brokers' runs), runs the scenarios against each broker of a lane in turn,
// the two lanes side by side, and stops each broker as soon as its scenarios are done. Rows come
// back in the brokers' table order whatever the lanes did. A broker whose binaries are missing is n/a.
import { hasProgram } from '@x/test-brokers';
import { BROKERS } from './brokers/index.js';
import type { BrokerTiming } from './report.js';
import { runScenarios } from './runner.js';
import { ALL_SCENARIOS } from './scenarios/index.js';
import type { BrokerHandle, ResultRow, Scenario } from './types.js';

export interface SuiteOptions {
  /** Broker names to run; defaults to all. */
  readonly brokers?: readonly string[];
  readonly quick?: boolean;
  /** Scenario id prefixes to run (e.g. `basic/`); defaults to all. */
  readonly only?: readonly string[];
  readonly onRow?: (row: ResultRow) => void;
}

export interface SuiteResult {
  readonly rows: ResultRow[];
  readonly timings: BrokerTiming[];
  readonly totalMs: number;
}

export async function runSuite(options: SuiteOptions = {}): Promise<SuiteResult> {
  const started = performance.now();
  const unknown = (options.brokers ?? []).filter((name) => !BROKERS.some((b) => b.driver.name === name));
  if (unknown.length > 0) throw new Error(`unknown broker(s): ${unknown.join(', ')} (known: ${BROKERS.map((b) => b.driver.name).join(', ')})`);
  const selected = BROKERS.filter((b) => options.brokers === undefined || options.brokers.includes(b.driver.name));
  const scenarios: readonly Scenario[] = options.only === undefined ? ALL_SCENARIOS : ALL_SCENARIOS.filter((s) => options.only?.some((p) => s.id.startsWith(p)));
  const boots = selected.map((entry) => {
    const missing = entry.requires.filter((program) => !hasProgram(program));
    const t0 = performance.now();
    const broker: Promise<BrokerHandle> = missing.length > 0 ? Promise.reject(new Error(`not installed here (missing ${missing.join(', ')})`)) : entry.driver.start();
    broker.catch(() => undefined);
    return { name: entry.driver.name, lane: entry.lane, t0, broker, startedAt: broker.then(() => performance.now(), () => performance.now()) };
  });
  // Ctrl-C or a kill must not leave brokers behind: stop every one that started, then exit.
  const onSignal = (signal: NodeJS.Signals): void => {
    process.stderr.write(`${signal}: stopping the brokers this run started\n`);
    const stops = boots.map((boot) => boot.broker.then((broker) => broker.stop(), () => undefined));
    void Promise.allSettled(stops).then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await runBrokers(boots, scenarios, options, started);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

interface Boot {
  readonly name: string;
  readonly lane: number;
  readonly t0: number;
  readonly broker: Promise<BrokerHandle>;
  readonly startedAt: Promise<number>;
}

async function runBrokers(boots: readonly Boot[], scenarios: readonly Scenario[], options: SuiteOptions, started: number): Promise<SuiteResult> {
  const lanes = [...new Set(boots.map((boot) => boot.lane))];
  // A lane that throws must not leave the other lane's brokers running: wait for every lane, then rethrow.
  const settled = await Promise.allSettled(lanes.map((lane) => runLane(boots.filter((boot) => boot.lane === lane), scenarios, options)));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  const results = settled.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
  const byBroker = new Map(results.map((result) => [result.name, result]));
  const ordered = boots.flatMap((boot) => byBroker.get(boot.name) ?? []);
  return { rows: ordered.flatMap((r) => r.rows), timings: ordered.map((r) => r.timing), totalMs: performance.now() - started };
}

/** Runs the brokers of one lane one after the other. */
async function runLane(boots: readonly Boot[], scenarios: readonly Scenario[], options: SuiteOptions): Promise<Array<{ name: string; rows: ResultRow[]; timing: BrokerTiming }>> {
  const out: Array<{ name: string; rows: ResultRow[]; timing: BrokerTiming }> = [];
  for (const boot of boots) {
    let broker: BrokerHandle;
    try {
      broker = await boot.broker;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const row: ResultRow = { broker: boot.name, version: '3.1.1', scenario: '(broker start)', outcome: message.startsWith('not installed') ? 'n/a' : 'FAIL', ms: 0, detail: message.slice(0, 600) };
      options.onRow?.(row);
      out.push({ name: boot.name, rows: [row], timing: { broker: boot.name, startMs: 0, runMs: 0, stopMs: 0, error: message.slice(0, 300) } });
      continue;
    }
    const startMs = (await boot.startedAt) - boot.t0;
    const t1 = performance.now();
    let rows: ResultRow[] = [];
    try {
      rows = await runScenarios(broker, scenarios, { quick: options.quick ?? false, ...(options.onRow ? { onRow: options.onRow } : {}) });
    } finally {
      const t2 = performance.now();
      await broker.stop();
      out.push({ name: broker.name, rows, timing: { broker: broker.name, startMs, runMs: t2 - t1, stopMs: performance.now() - t2 } });
    }
  }
  return out;
}
