// Fetches the JavaScript runtimes that tooling/system-programs.json sources from npm ('npm': an
// exact name@version) into tooling/runtimes/.cache/<program>/, one npm prefix each, with install
// scripts off. ensure-system-deps.mjs runs it; a runtime already at its pinned version is kept.
// usage: node tooling/runtimes/install.mjs [interop]
import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { installedNpmVersion, npmPrefixOf, parseNpmSpec, programsFor, stageOf } from '../system-programs.mjs';

const execFileAsync = promisify(execFile);

/** The npm that came with this Node.js, else the one on PATH. */
function npmCommand() {
  const beside = join(dirname(process.execPath), 'npm');
  return existsSync(beside) ? beside : 'npm';
}

/** The npm-sourced programs of `stage` that are missing or not at their pinned version. */
export function missingNpmPrograms(stage) {
  return programsFor(stage).filter((p) => p.npm !== undefined && (!existsSync(p.path) || installedNpmVersion(p) !== parseNpmSpec(p.npm).version));
}

/** Installs every missing npm-sourced program of `stage`, in parallel; rejects naming the ones that failed. */
export async function installNpmPrograms(stage) {
  const missing = missingNpmPrograms(stage);
  if (missing.length === 0) return;
  console.log(`Fetching ${missing.map((p) => p.npm).join(', ')} from the npm registry ...`);
  const results = await Promise.allSettled(missing.map(async (program) => {
    const prefix = npmPrefixOf(program);
    rmSync(prefix, { recursive: true, force: true });
    await execFileAsync(npmCommand(), ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', program.npm], { encoding: 'utf8' });
    if (!existsSync(program.path)) throw new Error(`${program.npm} installed, but ${program.path} is not there: fix the path in tooling/system-programs.json`);
  }));
  const failed = results.flatMap((result, i) => (result.status === 'rejected' ? [`${missing[i].name} (${missing[i].npm}): ${result.reason?.message ?? result.reason}`] : []));
  if (failed.length > 0) throw new Error(`could not fetch from npm:\n- ${failed.join('\n- ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  installNpmPrograms(stageOf(process.argv)).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
