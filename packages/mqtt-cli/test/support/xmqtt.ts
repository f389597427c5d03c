// Runs the real xmqtt program (bin/xmqtt.js, from source through tsx when there is no build) as a
// child process, through @x/test-brokers' spawnNode; collects stdout, stderr and the exit code.
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spawnNode } from '@x/test-brokers';

const BIN = fileURLToPath(new URL('../../bin/xmqtt.js', import.meta.url));

export interface Run {
  readonly child: ChildProcess;
  /** Resolves when the process exits. */
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** stdout so far. */
  stdout(): string;
  stderr(): string;
}

export function xmqtt(args: readonly string[], options: { stdin?: string } = {}): Run {
  const child = spawnNode([BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  else child.stdin!.end();
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.once('close', (code) => resolve({ code, stdout: out, stderr: err }));
  });
  return { child, done, stdout: () => out, stderr: () => err };
}

/** Waits until `predicate` holds of the run's stderr (e.g. a sub says it subscribed). */
export async function waitFor(check: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
