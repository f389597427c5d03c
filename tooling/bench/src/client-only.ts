// Client-only publish benchmark: each library against a raw-socket peer in a child process that
// answers CONNECT, acknowledges QoS 1/2 at once and swallows the rest, so the client is the
// bottleneck. Rounds interleave the libraries (ours, MQTT.js, ours, ...), each run in a fresh
// process; the ratio is the median of per-round ratios, with the spread of those ratios.
import { fileURLToPath } from 'node:url';
import { freePort, runNode, spawnNode } from '@x/test-brokers';

interface Run {
  readonly msgsPerSec: number;
  readonly cpuUsPerMsg: number;
}

const worker = fileURLToPath(new URL('./client-only-worker.mjs', import.meta.url));
const peerScript = fileURLToPath(new URL('./raw-peer.mjs', import.meta.url));
const benchDir = fileURLToPath(new URL('..', import.meta.url));

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (x: number, digits = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function runOnce(lib: 'x' | 'mqttjs', port: number, qos: number, n: number, window: number): Promise<Run> {
  const { stdout } = await runNode([worker, lib, String(port), String(qos), String(n), String(window)], { cwd: benchDir, timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as Run;
}

export async function benchClientOnly(quick: boolean): Promise<void> {
  const port = await freePort();
  const peer = spawnNode([peerScript, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => peer.stdout?.once('data', () => resolve()));
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
  console.log(`\n## Client only: publish against a raw-socket peer, @x/mqtt vs MQTT.js, ${rounds} interleaved rounds\n`);
  console.log('| case | @x/mqtt msgs/s (CPU µs/msg) | MQTT.js msgs/s (CPU µs/msg) | ratio, median (min-max) | CPU ratio, median |');
  console.log('|---|---:|---:|---:|---:|');
  try {
    for (const c of cases) {
      const n = Math.round(c.n * scale);
      const ours: Run[] = [];
      const theirs: Run[] = [];
      for (let r = 0; r < rounds; r++) {
        ours.push(await runOnce('x', port, c.qos, n, c.window));
        theirs.push(await runOnce('mqttjs', port, c.qos, n, c.window));
      }
      const ratios = ours.map((o, i) => o.msgsPerSec / (theirs[i] as Run).msgsPerSec);
      const cpuRatios = ours.map((o, i) => o.cpuUsPerMsg / (theirs[i] as Run).cpuUsPerMsg);
      const row = [
        `publish QoS ${c.qos}, ${fmt(n)} x 16 B, at most ${c.window} awaited`,
        `${fmt(median(ours.map((o) => o.msgsPerSec)))} (${fmt(median(ours.map((o) => o.cpuUsPerMsg)), 2)})`,
        `${fmt(median(theirs.map((o) => o.msgsPerSec)))} (${fmt(median(theirs.map((o) => o.cpuUsPerMsg)), 2)})`,
        `${fmt(median(ratios), 2)}x (${fmt(Math.min(...ratios), 2)}-${fmt(Math.max(...ratios), 2)})`,
        `${fmt(median(cpuRatios), 2)}x`,
      ];
      console.log(`| ${row.join(' | ')} |`);
    }
  } finally {
    peer.kill('SIGTERM');
  }
}
