// A real crash: a child process applies operations and prints each one after apply() resolved; it is
// SIGKILLed at a random moment (often mid-write or mid-compaction). Reopened, the store must hold
// the state after some prefix of the sequence that includes every acknowledged operation.
import { spawnNode } from '@x/test-brokers';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from '@x/mqtt-core';
import { FileSessionStore } from '../src/index.js';
import { killSequenceOperation } from './fixtures/kill-sequence.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();
const child = fileURLToPath(new URL('./fixtures/apply-until-killed.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs the child until it has acknowledged `ackTarget` operations, SIGKILLs it, returns the acknowledged indexes. */
function runAndKill(dir: string, window: number, ackTarget: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const proc = spawnNode(['--import', 'tsx', '--conditions=x-mqtt-source', child, dir, String(window)], { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!killed && out.split('\n').length - 2 >= ackTarget) {
        killed = true;
        proc.kill('SIGKILL');
      }
    });
    proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    proc.on('error', reject);
    // 'close', not 'exit': every line the child wrote before dying has been read by then.
    proc.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child exited without being killed: ${err}`));
      // Only whole lines are acknowledgements; a line cut by the kill is not.
      const lines = out.split('\n').slice(0, -1);
      resolve(lines.filter((line) => /^\d+$/.test(line)).map(Number));
    });
  });
}

describe('a writer killed with SIGKILL at a random moment', () => {
  it.each([
    { window: 1, runs: 3 },
    { window: 32, runs: 3 },
  ])('loses no acknowledged operation (window $window)', { timeout: 60_000 }, async ({ window, runs }) => {
    for (let run = 0; run < runs; run++) {
      const dir = await tempDir();
      const acked = await runAndKill(dir, window, 200 + Math.floor(Math.random() * 1500));
      const highest = Math.max(...acked);
      // Acknowledgements arrive in order: every index up to the highest one was acknowledged.
      expect(new Set(acked).size).toBe(highest + 1);

      const store = await FileSessionStore.open(dir);
      const loaded = store.load();
      await store.close();
      const reference = new MemorySessionStore();
      for (let i = 0; i <= highest; i++) reference.apply(killSequenceOperation(i));
      // The child may have issued up to `window` more applies, and resolved (not yet printed) as many.
      let matched = false;
      for (let i = highest + 1; i <= highest + 1 + 2 * window && !matched; i++) {
        matched = JSON.stringify(loaded) === JSON.stringify(reference.load());
        reference.apply(killSequenceOperation(i));
      }
      expect(matched, `state after a prefix of at least ${highest + 1} operations`).toBe(true);
    }
  });
});
