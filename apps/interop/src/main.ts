// `pnpm interop [--broker mosquitto,aedes] [--quick] [--only basic/,will/]`: runs the interop suite,
// prints the Markdown table, writes it to apps/interop/RESULTS.md, exits 1 on any FAIL.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderMarkdown } from './report.js';
import { runSuite } from './suite.js';

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const arg = args[i] ?? '';
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[i + 1] ?? '');
}

const list = (value: string | undefined): string[] | undefined => (value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean));

process.on('unhandledRejection', (reason) => {
  process.stderr.write(`unhandled rejection (ignored, the scenario's own checks decide): ${String(reason)}\n`);
});

const quick = process.argv.includes('--quick');
const brokers = list(flag('broker'));
const only = list(flag('only'));
const result = await runSuite({
  ...(brokers ? { brokers } : {}),
  ...(only ? { only } : {}),
  quick,
  onRow: (row) => process.stderr.write(`${row.outcome.padEnd(4)} ${row.broker} ${row.version} ${row.scenario} (${Math.round(row.ms)} ms)${row.outcome === 'PASS' ? '' : `: ${row.detail}`}\n`),
});
const markdown = renderMarkdown(result.rows, result.timings, { date: new Date().toISOString(), totalMs: result.totalMs, argv: ['interop', ...process.argv.slice(2)].join(' ') });
process.stdout.write(markdown);
if (only === undefined) await writeFile(join(dirname(fileURLToPath(import.meta.url)), '..', 'RESULTS.md'), `# Interop results\n\n${markdown}`);
process.exit(result.rows.some((r) => r.outcome === 'FAIL') ? 1 : 0);
