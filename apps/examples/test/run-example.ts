// Runs an example the way a user does (tsx with the "x-mqtt-source" condition, as a child process) and
// collects its exit code and output. Only the child started here is ever killed, by its PID.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, it } from 'vitest';
import { spawnNode, startMosquitto, type MosquittoBroker } from '@x/test-brokers';

const appDir = fileURLToPath(new URL('..', import.meta.url));

export interface ExampleRun {
  /** null when the child was killed (see `timedOut`). */
  readonly code: number | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout split into lines, without empty ones. */
  readonly lines: readonly string[];
  readonly ms: number;
}

/** Runs `src/<name>.ts` with `args`; kills it after `timeoutMs` (default 20 s). */
export function runExample(name: string, args: readonly string[] = [], timeoutMs = 20_000): Promise<ExampleRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawnNode(['--import', 'tsx', '--conditions=x-mqtt-source', `src/${name}.ts`, ...args], { cwd: appDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      const lines = stdout.split('\n').filter((line) => line.trim() !== '');
      resolve({ code, timedOut, stdout, stderr, lines, ms: Date.now() - started });
    });
  });
}

/** What to show when an assertion on a run fails. */
export function describeRun(run: ExampleRun): string {
  return `exit ${run.code}${run.timedOut ? ' (timed out)' : ''} after ${run.ms} ms\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;
}

/**
 * Registers the same check on the embedded broker (no URL argument) and on a real mosquitto
 * started for the file (its URL as the argument).
 */
export function onEachBroker(check: (brokerUrl: string[]) => Promise<void>): void {
  let mosquitto: MosquittoBroker<'mqtt'> | undefined;
  beforeAll(async () => {
    mosquitto = await startMosquitto();
  });
  afterAll(async () => {
    await mosquitto?.stop();
  });
  it('on the embedded broker', () => check([]));
  it('on mosquitto', () => check([`mqtt://127.0.0.1:${mosquitto!.ports.mqtt}`]));
}
