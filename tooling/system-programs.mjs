// Reads tooling/system-programs.json, the one table of external programs (program -> Debian
// package, stage). Shared by ensure-system-deps.mjs (installs) and check-programs.mjs (checks).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const table = JSON.parse(readFileSync(new URL('./system-programs.json', import.meta.url), 'utf8'));

/** 'interop' when the command line says so, else 'test'. */
export function stageOf(argv) {
  return argv.includes('interop') ? 'interop' : 'test';
}

/** Every program, as { name, path, package, needs, stage }. */
export function allPrograms() {
  return Object.entries(table.programs).map(([name, p]) => ({ name, path: p.path, package: p.package, needs: p.needs ?? [], stage: p.stage }));
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
