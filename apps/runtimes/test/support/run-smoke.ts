// Runs smoke/smoke.mjs under one runtime of tooling/system-programs.json (node22, deno, bun, ...)
// against a mosquitto with tcp, tls, ws and wss listeners, and returns its SMOKE lines by check.
// The built packages are what the runtimes import: `turbo run build` runs before the tests.
import type { SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnNode, spawnRuntime, startMosquitto, type MosquittoBroker } from '@x/test-brokers';

export type SmokeBroker = MosquittoBroker<'mqtt' | 'mqtts' | 'ws' | 'wss'>;

export interface SmokeResult {
  readonly check: string;
  readonly status: 'pass' | 'fail' | 'skip';
  readonly error?: string;
  readonly skipped?: string;
  readonly runtime?: string;
  readonly receivedQos?: number[];
  readonly [detail: string]: unknown;
}

export interface SmokeRun {
  readonly results: ReadonlyMap<string, SmokeResult>;
  /** Whether the script printed SMOKE-END (it ran to its end). */
  readonly finished: boolean;
  readonly exitCode: number | null;
  readonly output: string;
}

const appDir = fileURLToPath(new URL('../../', import.meta.url));
const script = fileURLToPath(new URL('../../smoke/smoke.mjs', import.meta.url));
const RUN_TIMEOUT = 120_000;
/** The built ESM entries the smoke imports; the test command builds them before any test runs. */
const BUILT = ['../../../../packages/mqtt/dist/index.js', '../../../../packages/mqtt/dist/browser.js', '../../../../packages/mqtt-codec/dist/index.js'];

/** The Node.js running this test (Node 20 in CI), as opposed to a runtime fetched from npm. */
export const THIS_NODE = 'this-node';

export function startSmokeBroker(): Promise<SmokeBroker> {
  return startMosquitto({ listeners: ['mqtt', 'mqtts', 'ws', 'wss'] });
}

/** The arguments each runtime takes to run a script with all permissions. */
function argsFor(runtime: string, config: string): string[] {
  if (runtime === 'deno') return ['run', '--allow-all', script, config];
  if (runtime === 'bun') return ['run', script, config];
  return [script, config];
}

/** Runs the smoke under `runtime`: a table name (node22, deno, bun, ...) or THIS_NODE. */
export function runSmoke(runtime: string, broker: SmokeBroker): Promise<SmokeRun> {
  for (const path of BUILT) {
    if (!existsSync(new URL(path, import.meta.url))) throw new Error(`${fileURLToPath(new URL(path, import.meta.url))} is missing: build first (npx -y pnpm@10.34.9 turbo run build)`);
  }
  const caFile = broker.certs?.ca.certFile;
  if (caFile === undefined) throw new Error('the smoke broker has no PKI');
  const config = JSON.stringify({ host: broker.host, ports: broker.ports, caFile });
  // The runtime's own WebSocket cannot be given a CA: each runtime reads a trusted extra CA from its environment.
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: caFile, DENO_CERT: caFile, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' };
  const options: SpawnOptions = { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] };
  const child = runtime === THIS_NODE ? spawnNode(argsFor(runtime, config), options) : spawnRuntime(runtime, argsFor(runtime, config), options);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      const results = new Map<string, SmokeResult>();
      for (const line of output.split('\n')) {
        if (!line.startsWith('SMOKE {')) continue;
        const result = JSON.parse(line.slice('SMOKE '.length)) as SmokeResult;
        results.set(result.check, result);
      }
      resolve({ results, finished: output.includes('SMOKE-END'), exitCode, output });
    });
  });
}
