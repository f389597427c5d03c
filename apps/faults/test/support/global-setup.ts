// Gives every test file the path of the shared results file, and at the end prints the summary
// table and, after a full run, writes RESULTS.md.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { readResults, resultsTable } from '../../src/results.js';

declare module 'vitest' {
  export interface ProvidedContext {
    resultsFile: string;
  }
}

/** Rows a full run produces; a partial run (one file, a filter) prints but leaves RESULTS.md alone. */
const FULL_RUN_ROWS = 8;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'x-mqtt-faults-'));
  const file = join(dir, 'results.jsonl');
  project.provide('resultsFile', file);
  const started = Date.now();
  return async () => {
    const rows = await readResults(file);
    await rm(dir, { recursive: true, force: true });
    if (rows.length === 0) return;
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const table = resultsTable(rows);
    console.log(`\nFault-injection summary (${seconds} s)\n\n${table}\n`);
    if (rows.length < FULL_RUN_ROWS) return;
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const text = `# Fault-injection results\n\nLatest full run: ${when} UTC, ${seconds} s, Node ${process.version}, ${process.platform}/${process.arch}.\nWritten by \`pnpm test\` in apps/faults (test/support/global-setup.ts).\n\n${table}\n`;
    await writeFile(new URL('../../RESULTS.md', import.meta.url), text);
    const readmeUrl = new URL('../../README.md', import.meta.url);
    const readme = await readFile(readmeUrl, 'utf8');
    const updated = readme.replace(/(<!-- results:start -->\n)[\s\S]*?(<!-- results:end -->)/, `$1Run of ${when} UTC, ${seconds} s:\n\n${table}\n$2`);
    if (updated !== readme) await writeFile(readmeUrl, updated);
  };
}
