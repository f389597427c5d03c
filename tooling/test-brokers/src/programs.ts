// The one way code and tests here start an external program: by its name in
// tooling/system-programs.json (program -> Debian package, or a runtime pinned on npm), which
// ensure-system-deps installs from. A name the table does not have is refused, so a program cannot
// be used without being installed on a new machine. tooling/check-programs.mjs fails the run for
// any other import of child_process.

import { execFile, spawn, type ChildProcess, type ExecFileOptions, type SpawnOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

interface ProgramEntry {
  /** Absolute, or relative to the repository root (the npm-sourced runtimes' cache). */
  readonly path: string;
  /** The Debian package that installs it. */
  readonly package?: string;
  /** Or the exact `name@version` on the npm registry that tooling/runtimes/install.mjs fetches. */
  readonly npm?: string;
  readonly stage: 'test' | 'interop';
}

const table = JSON.parse(readFileSync(new URL('../../system-programs.json', import.meta.url), 'utf8')) as { programs: Record<string, ProgramEntry> };
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const execFileAsync = promisify(execFile);

function absolute(path: string): string {
  return isAbsolute(path) ? path : `${repoRoot}${path}`;
}

/** The absolute path of `name`; throws when the table does not name it or it is not installed. */
export function programPath(name: string): string {
  const entry = table.programs[name];
  if (entry === undefined) throw new Error(`program ${name} is not in tooling/system-programs.json: add it (with its Debian package) before starting it`);
  const path = absolute(entry.path);
  if (!existsSync(path)) {
    const source = entry.npm === undefined ? `installs Debian package ${entry.package}` : `fetches ${entry.npm} from npm`;
    throw new Error(`${path} is missing: run node tooling/ensure-system-deps.mjs${entry.stage === 'interop' ? ' interop' : ''} (${source})`);
  }
  return path;
}

/** Whether `name` (which must be in the table) is installed here. */
export function hasProgram(name: string): boolean {
  const entry = table.programs[name];
  if (entry === undefined) throw new Error(`program ${name} is not in tooling/system-programs.json`);
  return existsSync(absolute(entry.path));
}

/** Runs `name` to completion; rejects when it exits non-zero. */
export function runProgram(name: string, args: readonly string[], options: ExecFileOptions = {}): Promise<{ stdout: string; stderr: string }> {
  return execFileAsync(programPath(name), args, { ...options, encoding: 'utf8' }) as Promise<{ stdout: string; stderr: string }>;
}

/** Starts `name` in the background. */
export function spawnProgram(name: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(programPath(name), args, options);
}

/** Starts this Node.js (process.execPath) with `args`: the runtime itself, not an external program. */
export function spawnNode(args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, args, options);
}

/** Runs this Node.js with `args` to completion. */
export function runNode(args: readonly string[], options: ExecFileOptions = {}): Promise<{ stdout: string; stderr: string }> {
  return execFileAsync(process.execPath, args, { ...options, encoding: 'utf8' }) as Promise<{ stdout: string; stderr: string }>;
}

/** The table's runtimes fetched from npm (node22, node24, node26, deno, bun), in table order. */
export function runtimeNames(): string[] {
  return Object.entries(table.programs).flatMap(([name, entry]) => (entry.npm === undefined ? [] : [name]));
}

function runtimePath(name: string): string {
  if (table.programs[name]?.npm === undefined) throw new Error(`${name} is not a runtime fetched from npm in tooling/system-programs.json (one of: ${runtimeNames().join(', ')})`);
  return programPath(name);
}

/** Starts the JavaScript runtime `name` (a table entry sourced from npm, e.g. 'node24', 'deno', 'bun') with `args`. */
export function spawnRuntime(name: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(runtimePath(name), args, options);
}

/** Runs the JavaScript runtime `name` with `args` to completion; rejects when it exits non-zero. */
export function runRuntime(name: string, args: readonly string[], options: ExecFileOptions = {}): Promise<{ stdout: string; stderr: string }> {
  return execFileAsync(runtimePath(name), args, { ...options, encoding: 'utf8' }) as Promise<{ stdout: string; stderr: string }>;
}
