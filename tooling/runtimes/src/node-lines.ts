// Runs the unit and integration suites of codec, core, the transports, helpers and the facade
// (vitest.node-lines.config.ts at the root) under every other live Node.js line in the table
// (node22, node24, node26): one vitest process per line, started with that line's own binary.
// usage: tsx tooling/runtimes/src/node-lines.ts [node22 node24 ...]   (defaults to every node line)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeNames, spawnRuntime } from '@x/test-brokers';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const vitestEntry = join(dirname(createRequire(join(root, 'package.json')).resolve('vitest/package.json')), 'vitest.mjs');
const nodeLines = runtimeNames().filter((name) => /^node\d+$/.test(name));
const asked = process.argv.slice(2);
const lines = asked.length > 0 ? asked : nodeLines;
for (const name of lines) if (!nodeLines.includes(name)) throw new Error(`${name} is not a Node line of tooling/system-programs.json (${nodeLines.join(', ')})`);

function runLine(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawnRuntime(name, [vitestEntry, 'run', '--config', join(root, 'vitest.node-lines.config.ts')], { cwd: root, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

const results: string[] = [];
let failed = 0;
for (const name of lines) {
  console.log(`\n=== ${name}: vitest --config vitest.node-lines.config.ts`);
  const started = Date.now();
  const code = await runLine(name);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  results.push(`${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s`);
  if (code !== 0) failed++;
}
console.log(`\nnode lines\n${results.map((line) => `  ${line}`).join('\n')}`);
process.exit(failed === 0 ? 0 : 1);
