// The one way code and tests here start an external program: by its name in
// tooling/system-programs.json (program -> Debian package), which ensure-system-deps installs from.
// A name the table does not have is refused, so a program cannot be used without being installed
// on a new machine. tooling/check-programs.mjs fails the run for any other import of child_process.

import { execFile, spawn, type ChildProcess, type ExecFileOptions, type SpawnOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';

interface ProgramEntry {
  readonly path: string;
  readonly package: string;
  readonly stage: 'test' | 'interop';
}

const table = JSON.parse(readFileSync(new URL('../../system-programs.json', import.meta.url), 'utf8')) as { programs: Record<string, ProgramEntry> };
const execFileAsync = promisify(execFile);

/** The absolute path of `name`; throws when the table does not name it or it is not installed. */
export function programPath(name: string): string {
  const entry = table.programs[name];
  if (entry === undefined) throw new Error(`program ${name} is not in tooling/system-programs.json: add it (with its Debian package) before starting it`);
  if (!existsSync(entry.path)) {
    throw new Error(`${entry.path} is missing: run node tooling/ensure-system-deps.mjs${entry.stage === 'interop' ? ' interop' : ''} (installs Debian package ${entry.package})`);
  }
  return entry.path;
}

/** Whether `name` (which must be in the table) is installed here. */
export function hasProgram(name: string): boolean {
  const entry = table.programs[name];
  if (entry === undefined) throw new Error(`program ${name} is not in tooling/system-programs.json`);
  return existsSync(entry.path);
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
