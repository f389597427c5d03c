// The packages a user installs: every packages/* whose package.json is not private. Every check
// here reads this list, so a package added later is checked from the day it is added.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's root directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The fields of a package.json these checks read. */
export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly license?: string;
  readonly repository?: { readonly type: string; readonly url: string; readonly directory: string };
  readonly homepage?: string;
  readonly bugs?: { readonly url: string };
  readonly keywords?: readonly string[];
  readonly scripts?: Readonly<Record<string, string>>;
  readonly exports?: unknown;
  readonly dependencies?: Readonly<Record<string, string>>;
}

export interface PublishablePackage {
  readonly name: string;
  /** The directory under packages/, e.g. `mqtt-codec`. */
  readonly dir: string;
  readonly path: string;
  readonly manifest: Manifest;
}

export function publishablePackages(root: string = REPO_ROOT): PublishablePackage[] {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir)
    .filter((dir) => existsSync(join(packagesDir, dir, 'package.json')))
    .map((dir) => {
      const path = join(packagesDir, dir);
      const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as Manifest;
      return { name: manifest.name, dir, path, manifest };
    })
    .filter((pkg) => pkg.manifest.private !== true)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The file name `pnpm pack` gives a package's tarball: `@x/mqtt-codec@0.1.0` -> `x-mqtt-codec-0.1.0.tgz`. */
export function tarballName(manifest: Manifest): string {
  return `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`;
}

/** Whether the package's exports offer a `require` entry anywhere (false: an ESM-only package). */
export function hasRequireEntry(manifest: Manifest): boolean {
  return JSON.stringify(manifest.exports ?? {}).includes('"require"');
}
