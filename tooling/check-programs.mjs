// Fails the test run when the table of external programs (tooling/system-programs.json) and the
// code disagree: a file that starts processes without going through @x/test-brokers' programs.ts
// (so a program could be started that the table does not name), or a program of this stage that is
// missing after ensure-system-deps ran, or that dpkg says belongs to another package than the table
// names (so ensure-system-deps would install the wrong one on a new machine), or, for a runtime
// fetched from npm, that is not the pinned version or not inside its own npm prefix.
// usage: node tooling/check-programs.mjs [interop] [--root DIR]   (DIR: the git checkout to scan; defaults to this one)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installedNpmVersion, isInstalled, npmPrefixOf, owningPackages, parseNpmSpec, programsFor, RUNTIME_CACHE, stageOf } from './system-programs.mjs';

const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 ? `${process.argv[rootArg + 1].replace(/\/$/, '')}/` : fileURLToPath(new URL('..', import.meta.url));
const table = JSON.parse(readFileSync(new URL('./system-programs.json', import.meta.url), 'utf8'));
/** The only files that may import node:child_process: the table's readers, and those it lists. */
const MAY_START_PROCESSES = new Set([
  'tooling/test-brokers/src/programs.ts',
  'tooling/system-programs.mjs',
  'tooling/ensure-system-deps.mjs',
  'tooling/check-programs.mjs',
  'tooling/runtimes/install.mjs',
  ...Object.keys(table.processModules ?? {}),
]);
/** A value import of child_process (a type-only import starts nothing). */
const CHILD_PROCESS = /(?:^\s*(?:import|export)\s+(?!type\s)[^;]*?from\s*|require\(\s*|import\(\s*)['"](?:node:)?child_process['"]/m;

const problems = [];
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\n');
for (const file of files) {
  if (!/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(file) || file.includes('node_modules/') || MAY_START_PROCESSES.has(file)) continue;
  const path = `${root}${file}`;
  if (!existsSync(path)) continue;
  if (CHILD_PROCESS.test(readFileSync(path, 'utf8'))) {
    problems.push(`${file} imports child_process: start programs through @x/test-brokers (programPath/runProgram/spawnProgram/spawnNode), so that every program is in tooling/system-programs.json`);
  }
}

const stage = stageOf(process.argv);
const owners = owningPackages(programsFor(stage).filter((p) => p.package !== undefined).map((p) => p.path));
for (const program of programsFor(stage)) {
  if ((program.package === undefined) === (program.npm === undefined)) {
    problems.push(`${program.name}: the table must give exactly one of "package" (Debian) and "npm" (name@version)`);
    continue;
  }
  if (program.npm !== undefined) {
    const { name, version } = parseNpmSpec(program.npm);
    const expectedDir = `${RUNTIME_CACHE}/${program.name}/node_modules/${name}/`;
    if (!program.tablePath.startsWith(expectedDir)) problems.push(`${program.name}: an npm-sourced path must lie in ${expectedDir}, not ${program.tablePath}`);
    else if (!/^\d+\.\d+\.\d+$/.test(version)) problems.push(`${program.name}: ${program.npm} is not pinned to an exact version`);
    else if (!existsSync(program.path)) problems.push(`${program.name}: ${program.tablePath} is missing; ensure-system-deps should have fetched ${program.npm} from npm into ${npmPrefixOf(program)}`);
    else if (installedNpmVersion(program) !== version) problems.push(`${program.name}: ${name} ${installedNpmVersion(program)} is installed, the table pins ${version}; run node tooling/ensure-system-deps.mjs`);
    continue;
  }
  if (!existsSync(program.path)) {
    problems.push(`${program.name}: ${program.path} is missing; ensure-system-deps should have installed Debian package ${program.package}`);
    continue;
  }
  const owner = owners.get(program.path);
  if (owner !== undefined && owner !== program.package) problems.push(`${program.name}: the table says Debian package ${program.package}, dpkg says ${program.path} belongs to ${owner}`);
  for (const pkg of program.needs) if (!isInstalled(pkg)) problems.push(`${program.name} needs Debian package ${pkg}, which is not installed`);
}

if (problems.length > 0) {
  console.error(`check-programs (${stage}): ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`check-programs (${stage}): every program started goes through the table; all ${programsFor(stage).length} are installed from the packages it names`);
