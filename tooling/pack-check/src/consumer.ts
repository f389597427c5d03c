// A project outside the monorepo (under os.tmpdir()) that installs the packed tarballs with npm,
// as a user would: every @x/* name, including the ones only depended on, comes from a tarball
// (npm overrides), never from the registry; third-party packages (ws, typescript, @types/node)
// come from the registry, from npm's cache when it has them.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackedPackage } from './pack.js';
import { npmCli, runScriptOk } from './tools.js';

/** The consumer's own files: scripts and type tests run against the installed packages. */
export const CONSUMER_FILES = fileURLToPath(new URL('../consumer/', import.meta.url));

/** The TypeScript and @types/node the consumer compiles with: the versions the monorepo uses. */
const CONSUMER_DEV_DEPENDENCIES = { typescript: '5.9.3', '@types/node': '^20.19.0' };

export async function installConsumer(projectDir: string, packed: readonly PackedPackage[]): Promise<void> {
  const fromTarballs = Object.fromEntries(packed.map((pkg) => [pkg.name, `file:${pkg.tarball}`]));
  const manifest = {
    name: 'x-mqtt-pack-consumer',
    version: '1.0.0',
    private: true,
    description: 'Installs the packed @x/* tarballs as a user would',
    dependencies: fromTarballs,
    devDependencies: CONSUMER_DEV_DEPENDENCIES,
    overrides: fromTarballs,
  };
  cpSync(CONSUMER_FILES, projectDir, { recursive: true });
  writeFileSync(join(projectDir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  await runScriptOk(npmCli(), ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: projectDir, env: withoutPackageManagerSettings(), timeoutMs: 300_000 });
}

/** This process's environment without the npm_* settings pnpm passes to scripts: the consumer's npm reads its own. */
export function withoutPackageManagerSettings(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}
