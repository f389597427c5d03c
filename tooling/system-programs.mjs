// Reads tooling/system-programs.json, the one table of external programs (program -> Debian
// package or pinned npm package, stage). Shared by ensure-system-deps.mjs and
// runtimes/install.mjs (install) and check-programs.mjs (checks). A relative path is the repo's.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const table = JSON.parse(readFileSync(new URL('./system-programs.json', import.meta.url), 'utf8'));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Where the npm-sourced runtimes are installed, one npm prefix per program (gitignored). */
export const RUNTIME_CACHE = 'tooling/runtimes/.cache';

/** 'interop' when the command line says so, else 'test'. */
export function stageOf(argv) {
  return argv.includes('interop') ? 'interop' : 'test';
}

/**
 * Every program, as { name, path, package, npm, needs, stage }: `package` (Debian) or `npm` (an
 * exact `name@version` on the npm registry) says where it comes from; `path` is absolute.
 */
export function allPrograms() {
  return Object.entries(table.programs).map(([name, p]) => ({
    name,
    path: isAbsolute(p.path) ? p.path : join(repoRoot, p.path),
    tablePath: p.path,
    package: p.package,
    npm: p.npm,
    needs: p.needs ?? [],
    stage: p.stage,
  }));
}

/** `@scope/name@1.2.3` -> { name: '@scope/name', version: '1.2.3' }. */
export function parseNpmSpec(spec) {
  const at = spec.lastIndexOf('@');
  if (at <= 0) throw new Error(`npm source ${spec} is not name@version`);
  return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

/** The npm prefix directory a program fetched from npm is installed into (absolute). */
export function npmPrefixOf(program) {
  return join(repoRoot, RUNTIME_CACHE, program.name);
}

/** The version of the npm package installed for `program`, or undefined when there is none. */
export function installedNpmVersion(program) {
  const manifest = join(npmPrefixOf(program), 'node_modules', parseNpmSpec(program.npm).name, 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

/** The programs a stage needs: 'test' needs its own; 'interop' needs everything. */
export function programsFor(stage) {
  return allPrograms().filter((p) => stage === 'interop' || p.stage === 'test');
}

/** Whether dpkg reports the package as installed. */
export function isInstalled(pkg) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('install ok installed');
  } catch {
    return false;
  }
}

/** The package dpkg says owns each of `paths` (one dpkg-query for all), keyed by path. */
export function owningPackages(paths) {
  const owners = new Map();
  let out = '';
  try {
    out = execFileSync('dpkg-query', ['-S', ...paths], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    out = typeof error.stdout === 'string' ? error.stdout : ''; // exit 1 when some path has no owner
  }
  for (const line of out.split('\n')) {
    const colon = line.indexOf(': ');
    if (colon > 0) owners.set(line.slice(colon + 2).trim(), line.slice(0, colon).split(',')[0].trim());
  }
  return owners;
}
