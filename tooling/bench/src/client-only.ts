// Client-only publish benchmark: each library (and the reference client of raw-client.mjs, the floor) against a raw-socket peer in a child process that
// answers CONNECT, acknowledges QoS 1/2 at once and swallows the rest, so the client is the
// bottleneck. Rounds interleave the libraries (who goes first alternates), each run in a fresh
// process; the ratio is the median of per-round ratios, with the spread of those ratios. The
// reference client (raw-client.mjs: the wire work and nothing else) runs in the same rounds: its
// ratio to MQTT.js is the most any client doing this work could reach here.
import { fileURLToPath } from 'node:url';
import { runNode } from '@x/test-brokers';
import { startRawPeer } from './peer.js';
import { fmt, interleaved, lastJsonLine, med, ratioCell, type Lib } from './rounds.js';

interface Run {
  readonly msgsPerSec: number;
  readonly cpuUsPerMsg: number;
}

const worker = fileURLToPath(new URL('./client-only-worker.mjs', import.meta.url));
const benchDir = fileURLToPath(new URL('..', import.meta.url));

async function runOnce(lib: Lib, port: number, qos: number, n: number, window: number): Promise<Run> {
  const { stdout } = await runNode([worker, lib, String(port), String(qos), String(n), String(window)], { cwd: benchDir, timeout: 120_000 });
  return lastJsonLine<Run>(stdout);
}

export async function benchClientOnly(quick: boolean): Promise<void> {
  const peer = await startRawPeer();
  const rounds = quick ? 3 : 5;
  const scale = quick ? 0.25 : 1;
  const cases = [
    { qos: 0, n: 200_000, window: 100 },
    { qos: 0, n: 200_000, window: 1000 },
    { qos: 1, n: 60_000, window: 20 },
    { qos: 1, n: 60_000, window: 100 },
    { qos: 2, n: 40_000, window: 20 },
    { qos: 2, n: 40_000, window: 100 },
  ];
  console.log(`\n## Client only: publish against a raw-socket peer, @x/mqtt vs MQTT.js 5.16.0, ${rounds} interleaved rounds\n`);
  console.log('| case | @x/mqtt msgs/s (CPU µs/msg) | MQTT.js msgs/s (CPU µs/msg) | ratio, median (min-max) | CPU per msg, ours / theirs | reference client msgs/s (CPU µs/msg) | reference / MQTT.js | ours / reference |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  try {
    for (const c of cases) {
      const n = Math.round(c.n * scale);
      const { ours, theirs, raw } = await interleaved(rounds, (lib) => runOnce(lib, peer.port, c.qos, n, c.window), true);
      const row = [
        `publish QoS ${c.qos}, ${fmt(n)} x 16 B, at most ${c.window} awaited`,
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
