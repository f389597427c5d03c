// Installs what the given stage needs of tooling/system-programs.json and is missing: the Debian
// packages (apt-get, as root; otherwise it says what to install), then the runtimes pinned on npm
// (tooling/runtimes/install.mjs). The table is the only list: a program the tests start is added
// there, and this installs it.
// usage: node tooling/ensure-system-deps.mjs [interop]   (interop: also the full interop table's brokers)
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { isInstalled, programsFor, stageOf } from './system-programs.mjs';
import { installNpmPrograms } from './runtimes/install.mjs';

const stage = stageOf(process.argv);
const missing = new Set();
for (const program of programsFor(stage)) {
  if (program.package === undefined) continue;
  if (!existsSync(program.path)) missing.add(program.package);
  for (const pkg of program.needs) if (!isInstalled(pkg)) missing.add(pkg);
}
if (missing.size > 0) {
  const list = [...missing];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`The tests start real brokers and peers; please install: ${list.join(' ')} (e.g. sudo apt-get install -y ${list.join(' ')})`);
    process.exit(1);
  }
  console.log(`Installing ${list.join(', ')} with apt-get ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...list], { stdio: 'inherit', env });
}
try {
  await installNpmPrograms(stage);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
