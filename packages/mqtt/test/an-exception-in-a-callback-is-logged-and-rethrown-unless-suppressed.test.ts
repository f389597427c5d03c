import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runNode } from '@x/test-brokers';
import { useMosquitto } from './support/broker.js';

// Issue 13 item 9: a throwing callback is never silent (logged at ERR), surfaces as an uncaught
// exception by default, and only with suppressExceptions: true does the client keep running.
const env = useMosquitto();
const CHILD = fileURLToPath(new URL('./support/throwing-callback-child.ts', import.meta.url));

function run(mode: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return runNode(['--import', 'tsx', '--conditions=x-mqtt-source', CHILD, String(env.broker.ports.mqtt), mode], { timeout: 20_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('an exception thrown in onMessage', () => {
  it('by default is logged at ERR and then reaches uncaughtException (the process exits 1)', async () => {
    const r = await run('default');
    expect(r.stdout).toContain('ERR onMessage threw: Error: boom from onMessage');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('boom from onMessage');
    expect(r.stdout).not.toContain('still running');
  }, 30_000);

  it('with suppressExceptions: true is logged at ERR and the client keeps running', async () => {
    const r = await run('suppress');
    expect(r.stdout).toContain('ERR onMessage threw: Error: boom from onMessage');
    expect(r.stdout).toContain('message 2');
    expect(r.stdout).toContain('still running');
    expect(r.code).toBe(0);
  }, 30_000);
});
