// Renders results as Markdown: a matrix (scenario x broker/version) whose cells are PASS/FAIL/n/a
// with the time taken, then the failures, the n/a reasons (deduplicated) and measured notes.
import type { ResultRow, Version } from './types.js';

export interface BrokerTiming {
  readonly broker: string;
  /** Milliseconds to start, to run its scenarios, to stop. */
  readonly startMs: number;
  readonly runMs: number;
  readonly stopMs: number;
  /** Why it could not be started, if it could not. */
  readonly error?: string;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;

export function renderMarkdown(rows: readonly ResultRow[], timings: readonly BrokerTiming[], meta: { date: string; totalMs: number; argv: string }): string {
  const columns: Array<{ broker: string; version: Version }> = [];
  for (const row of rows) if (!columns.some((c) => c.broker === row.broker && c.version === row.version)) columns.push({ broker: row.broker, version: row.version });
  const order: Version[] = ['3.1', '3.1.1', '5.0'];
  const brokers = [...new Set(columns.map((c) => c.broker))];
  columns.sort((a, b) => brokers.indexOf(a.broker) - brokers.indexOf(b.broker) || order.indexOf(a.version) - order.indexOf(b.version));
  const scenarios = [...new Set(rows.map((r) => r.scenario))];

  const failures: string[] = [];
  const reasons: string[] = [];
  const notes: string[] = [];
  const cell = (row: ResultRow | undefined): string => {
    if (row === undefined) return '';
    if (row.outcome === 'PASS') {
      if (row.detail !== '') notes.push(`- ${row.broker} ${row.version} \`${row.scenario}\`: ${row.detail}`);
      return `PASS ${seconds(row.ms)}`;
    }
    if (row.outcome === 'FAIL') {
      failures.push(`${failures.length + 1}. ${row.broker} ${row.version} \`${row.scenario}\`: ${escape(row.detail)}`);
      return `**FAIL** ${seconds(row.ms)} (F${failures.length})`;
    }
    let index = reasons.indexOf(row.detail);
    if (index < 0) index = reasons.push(row.detail) - 1;
    return `n/a (N${index + 1})`;
  };

  const header = `| scenario | ${columns.map((c) => `${c.broker} ${c.version}`).join(' | ')} |`;
  const rule = `|---|${columns.map(() => '---').join('|')}|`;
  const body = scenarios.map((scenario) => {
    const cells = columns.map((c) => cell(rows.find((r) => r.scenario === scenario && r.broker === c.broker && r.version === c.version)));
    return `| \`${scenario}\` | ${cells.join(' | ')} |`;
  });
  const count = (o: string): number => rows.filter((r) => r.outcome === o).length;
  const lines = [
    `Run ${meta.date} (\`${meta.argv}\`): ${count('PASS')} passed, ${count('FAIL')} failed, ${count('n/a')} n/a, ${seconds(meta.totalMs)} in total.`,
    '',
    header,
    rule,
    ...body,
    '',
    '**Brokers** (start / scenarios / stop):',
    '',
    ...timings.map((t) => `- ${t.broker}: ${t.error !== undefined ? `could not start: ${escape(t.error)}` : `${seconds(t.startMs)} / ${seconds(t.runMs)} / ${seconds(t.stopMs)}`}`),
  ];
  if (failures.length > 0) lines.push('', '**Failures**', '', ...failures.map((f) => f.replace(/^(\d+)\./, 'F$1.')));
  if (reasons.length > 0) lines.push('', '**Not applicable**', '', ...reasons.map((r, i) => `- N${i + 1}: ${escape(r)}`));
  if (notes.length > 0) lines.push('', '**Measured**', '', ...notes);
  return `${lines.join('\n')}\n`;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
