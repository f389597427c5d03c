// One row per fault in a shared JSON-lines file, and the Markdown table made from the rows.
// Test files append (they run one after another); the global teardown renders.

import { appendFile, readFile } from 'node:fs/promises';

export interface FaultResult {
  /** The fault injected, e.g. "broker restarted 20x (SIGTERM)". */
  readonly fault: string;
  /** Messages the publishers were told were accepted (or handed over, see `note`). */
  readonly sent: number;
  /** Deliveries to subscribers, duplicates included. */
  readonly received: number;
  /** Accepted messages never delivered. */
  readonly lost: number;
  /** Deliveries beyond the first of the same message. */
  readonly duplicated: number;
  /** Anything worth a line: what was measured besides the counts. */
  readonly note: string;
  /** The file's tests that passed, e.g. "7/9". */
  readonly checks: string;
}

export async function recordResult(file: string, result: FaultResult): Promise<void> {
  await appendFile(file, `${JSON.stringify(result)}\n`);
}

export async function readResults(file: string): Promise<FaultResult[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FaultResult);
}

export function resultsTable(rows: readonly FaultResult[]): string {
  const header = ['| fault | sent | received | lost | duplicated | checks passed | note |', '|---|---:|---:|---:|---:|---:|---|'];
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const body = rows.map((r) => `| ${cell(r.fault)} | ${r.sent} | ${r.received} | ${r.lost} | ${r.duplicated} | ${r.checks} | ${cell(r.note)} |`);
  return [...header, ...body].join('\n');
}
