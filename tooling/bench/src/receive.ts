// Client-only receive benchmark: the raw peer fires N pre-encoded PUBLISH at the client in one
// write and acknowledges QoS 1/2 as a broker would (src/receive-worker.mjs says what is timed).
// One fresh process per library per round, rounds interleaved; ratio = median of per-round ratios.
// The reference client (raw-client.mjs) runs in the same rounds: the floor of the work itself.
import { fileURLToPath } from 'node:url';
import { runNode } from '@x/test-brokers';
import { startRawPeer } from './peer.js';
import { fmt, interleaved, lastJsonLine, med, ratioCell, type Lib } from './rounds.js';

interface Run {
  readonly msgsPerSec: number;
  readonly cpuUsPerMsg: number;
}

const worker = fileURLToPath(new URL('./receive-worker.mjs', import.meta.url));
const benchDir = fileURLToPath(new URL('..', import.meta.url));

async function runOnce(lib: Lib, port: number, qos: number, n: number): Promise<Run> {
  const { stdout } = await runNode([worker, lib, String(port), String(qos), String(n)], { cwd: benchDir, timeout: 120_000 });
  return lastJsonLine<Run>(stdout);
}

export async function benchReceive(quick: boolean): Promise<void> {
  const rounds = quick ? 3 : 5;
  // --quick keeps the sizes (a burst takes well under a second) and runs fewer rounds
  // QoS 1/2 stay under 65,535: the peer's packet ids wrap there, and all of a burst is in flight at once
  const cases = [
    { qos: 0, n: 500_000 },
    { qos: 1, n: 60_000 },
    { qos: 2, n: 60_000 },
  ];
  const peer = await startRawPeer([...cases.map((c) => `bench/r/${c.qos}/${c.n}`), 'bench/r/0/2000', 'bench/r/1/2000', 'bench/r/2/2000']);
  console.log(`\n## Client only: receive from a raw-socket peer, @x/mqtt vs MQTT.js 5.16.0, ${rounds} interleaved rounds\n`);
  console.log('| case | @x/mqtt msgs/s (CPU µs/msg) | MQTT.js msgs/s (CPU µs/msg) | ratio, median (min-max) | CPU per msg, ours / theirs | reference client msgs/s (CPU µs/msg) | reference / MQTT.js | ours / reference |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  try {
    for (const c of cases) {
      const { ours, theirs, raw } = await interleaved(rounds, (lib) => runOnce(lib, peer.port, c.qos, c.n), true);
      const row = [
        `receive QoS ${c.qos}, ${fmt(c.n)} x 16 B in one write`,
        `${fmt(med(ours, (r) => r.msgsPerSec))} (${fmt(med(ours, (r) => r.cpuUsPerMsg), 2)})`,
        `${fmt(med(theirs, (r) => r.msgsPerSec))} (${fmt(med(theirs, (r) => r.cpuUsPerMsg), 2)})`,
        ratioCell(ours.map((r) => r.msgsPerSec), theirs.map((r) => r.msgsPerSec)),
        ratioCell(ours.map((r) => r.cpuUsPerMsg), theirs.map((r) => r.cpuUsPerMsg)),
        `${fmt(med(raw, (r) => r.msgsPerSec))} (${fmt(med(raw, (r) => r.cpuUsPerMsg), 2)})`,
        ratioCell(raw.map((r) => r.msgsPerSec), theirs.map((r) => r.msgsPerSec)),
        ratioCell(ours.map((r) => r.msgsPerSec), raw.map((r) => r.msgsPerSec)),
      ];
      console.log(`| ${row.join(' | ')} |`);
    }
  } finally {
    peer.stop();
  }
}
