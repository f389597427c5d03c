// Builds the API reference of every publishable package with TypeDoc (typedoc.json at the root:
// one page set from the TSDoc comments in packages/*/src) and sorts what it warns about.
import { join } from 'node:path';
import { REPO_ROOT } from './publishable.js';
import { runScript, TYPEDOC } from './tools.js';

/** An export (or member) TypeDoc found without a doc comment: `file name (Kind)`. */
const UNDOCUMENTED = /^\[warning\] (.+?) \((\w+)\), defined in (\S+), does not have any documentation$/;
const SUMMARY = /^\[warning\] Found \d+ errors and \d+ warnings$/;

export interface ApiReferenceBuild {
  readonly exitCode: number;
  /** `file name (Kind)` of each undocumented export or member, sorted, without duplicates. */
  readonly undocumented: string[];
  /** Every other warning or error line. */
  readonly otherProblems: string[];
}

export async function buildApiReference(out: string): Promise<ApiReferenceBuild> {
  // Warnings are counted here rather than made fatal, so that one run lists all of them.
  const result = await runScript(TYPEDOC, ['--options', join(REPO_ROOT, 'typedoc.json'), '--out', out, '--treatWarningsAsErrors', 'false', '--logLevel', 'Warn'], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeoutMs: 600_000 });
  const lines = `${result.stdout}\n${result.stderr}`
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !SUMMARY.test(line));
  const undocumented = new Set<string>();
  const otherProblems: string[] = [];
  for (const line of lines) {
    const match = UNDOCUMENTED.exec(line);
    if (match !== null) undocumented.add(`${match[3]} ${match[1]} (${match[2]})`);
    else otherProblems.push(line);
  }
  return { exitCode: result.code, undocumented: [...undocumented].sort(), otherProblems };
}
