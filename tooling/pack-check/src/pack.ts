// Packs every publishable package as `pnpm pack` does for a release: the prepack script builds
// dist/ first (removed here beforehand, as on a fresh clone), and workspace:* ranges become the
// packages' versions.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { publishablePackages, REPO_ROOT, tarballName, type PublishablePackage } from './publishable.js';
import { PNPM, runScriptOk } from './tools.js';

export interface PackedPackage extends PublishablePackage {
  readonly tarball: string;
}

export async function packAll(destination: string, root: string = REPO_ROOT): Promise<PackedPackage[]> {
  const packages = publishablePackages(root);
  for (const pkg of packages) rmSync(join(pkg.path, 'dist'), { recursive: true, force: true });
  const filters = packages.flatMap((pkg) => ['--filter', pkg.name]);
  await runScriptOk(PNPM, ['-r', ...filters, 'pack', '--pack-destination', destination], { cwd: root, timeoutMs: 300_000 });
  return packages.map((pkg) => {
    const tarball = join(destination, tarballName(pkg.manifest));
    if (!existsSync(tarball)) throw new Error(`pnpm pack wrote no ${tarball} for ${pkg.name}`);
    return { ...pkg, tarball };
  });
}
