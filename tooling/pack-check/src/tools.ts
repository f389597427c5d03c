// The JavaScript programs these checks run, each started with this Node.js (spawnNode/runNode):
// pnpm (pinned here as a devDependency, the version of the root's packageManager), the npm that
// ships with this Node.js, and tsc and attw from this package's devDependencies.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from '@x/test-brokers';

/** A file of one of this package's devDependencies (linked into its node_modules by pnpm). */
function binOf(pkg: string, file: string): string {
  return fileURLToPath(new URL(`../node_modules/${pkg}/${file}`, import.meta.url));
}

export const PNPM = binOf('pnpm', 'bin/pnpm.cjs');
export const TSC = binOf('typescript', 'bin/tsc');
export const ATTW = binOf('@arethetypeswrong/cli', 'dist/index.js');
export const TYPEDOC = binOf('typedoc', 'bin/typedoc');

/** npm's CLI: the one installed beside this Node.js, or the one that started this run. */
export function npmCli(): string {
  const candidates = [join(dirname(process.execPath), '../lib/node_modules/npm/bin/npm-cli.js'), process.env.npm_execpath ?? ''];
  const found = candidates.find((path) => path.endsWith('npm-cli.js') && existsSync(path));
  if (found === undefined) throw new Error(`no npm CLI found beside ${process.execPath}: the packed-install check needs the npm that ships with Node.js`);
  return found;
}

/** The exit status, stdout and stderr of a Node.js program, whether it failed or not. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runScript(script: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<RunResult> {
  try {
    const { stdout, stderr } = await runNode([script, ...args], { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeoutMs ?? 180_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string; message: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? failed.message };
  }
}

/** Like runScript, but throws with the program's output when it exits non-zero. */
export async function runScriptOk(script: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<RunResult> {
  const result = await runScript(script, args, options);
  if (result.code !== 0) throw new Error(`${script} ${args.join(' ')} exited ${result.code} in ${options.cwd}\n${result.stdout}\n${result.stderr}`);
  return result;
}
