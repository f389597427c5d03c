// Connections benchmark: N connections from one process to mosquitto at concurrency 50, each
// subscribing once (src/connections-worker.mjs says what is measured). Each run gets a fresh
// mosquitto on a fresh port (max_connections -1), so no run meets the previous one's TIME_WAIT
// sockets or sessions. One fresh process per library per round, rounds interleaved. The reference
// client (raw-client.mjs) runs in the same rounds: what a connection costs with nothing but the wire work.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runNode, startMosquitto } from '@x/test-brokers';
import { fmt, interleaved, lastJsonLine, med, ratioCell, type Lib } from './rounds.js';

interface Run {
  readonly n: number;
  readonly opened: number;
  readonly failed: number;
  readonly firstError?: string;
  readonly ms: number;
  readonly cpuUsPerConn: number;
  readonly rssKiB: number;
  readonly heapKiB: number;
  readonly externalKiB: number;
}

const CONCURRENCY = 50;
const worker = fileURLToPath(new URL('./connections-worker.mjs', import.meta.url));
const benchDir = fileURLToPath(new URL('..', import.meta.url));

/** The soft limit on open files of this process, which the workers and mosquitto inherit. */
function openFilesLimit(): string {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  return line?.split(/\s{2,}/)[1] ?? 'unknown';
}

async function runOnce(lib: Lib, n: number): Promise<Run> {
  const broker = await startMosquitto({ extraConfig: 'max_connections -1' });
  try {
    const { stdout } = await runNode(['--expose-gc', worker, lib, String(broker.ports.mqtt), String(n), String(CONCURRENCY)], { cwd: benchDir, timeout: 300_000 });
    return lastJsonLine<Run>(stdout);
  } finally {
    await broker.stop();
  }
}

export async function benchConnections(quick: boolean): Promise<void> {
  const rounds = quick ? 2 : 5;
  const sizes = [1_000, 10_000];
  console.log(`\n## Connections to mosquitto from one process, concurrency ${CONCURRENCY}, each subscribing once, @x/mqtt vs MQTT.js 5.16.0, ${rounds} interleaved rounds\n`);
  console.log(`open files limit (soft) of this process and its children: ${openFilesLimit()}\n`);
  console.log('| connections | figure | @x/mqtt | MQTT.js | ours / theirs, median (min-max) | reference client | reference / MQTT.js |');
  console.log('|---:|---|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    const { ours, theirs, raw } = await interleaved(rounds, (lib) => runOnce(lib, n), true);
    const failures = [...ours, ...theirs, ...raw].filter((r) => r.failed > 0);
    const rows: Array<[string, (r: Run) => number, number]> = [
      ['time to connect all (ms)', (r) => r.ms, 0],
      ['client CPU per connection (µs)', (r) => r.cpuUsPerConn, 0],
      ['RSS per connection after gc() (KiB)', (r) => r.rssKiB, 1],
      ['heap per connection after gc() (KiB)', (r) => r.heapKiB, 1],
      ['external (Buffers, outside the heap) per connection (KiB)', (r) => r.externalKiB, 1],
    ];
    for (const [name, pick, digits] of rows) {
      console.log(`| ${fmt(n)} | ${name} | ${fmt(med(ours, pick), digits)} | ${fmt(med(theirs, pick), digits)} | ${ratioCell(ours.map(pick), theirs.map(pick))} | ${fmt(med(raw, pick), digits)} | ${ratioCell(raw.map(pick), theirs.map(pick))} |`);
    }
    for (const r of failures) console.log(`\n${fmt(r.failed)} of ${fmt(r.n)} connections failed in one run (first error: ${r.firstError}); per-connection figures divide by the ${fmt(r.opened)} opened.`);
  }
}
