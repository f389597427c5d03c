// What a user finds in node_modules after installing the tarballs: the build (prepack made it on
// a clone with no dist/), the MIT LICENSE, and where to report a bug; ws as a caret range.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import type { Manifest } from '../src/publishable.js';

const packed = inject('packed');
const consumerDir = inject('consumerDir');

test.each(packed.map((pkg) => [pkg.name] as const))('the installed %s has dist/, an MIT LICENSE, repository, homepage, bugs and keywords', (name) => {
  const installed = join(consumerDir, 'node_modules', name);
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest;
  expect(existsSync(join(installed, 'dist'))).toBe(true);
  expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  expect(manifest.license).toBe('MIT');
  expect(manifest.repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\//), directory: expect.stringMatching(/^packages\//) });
  expect(manifest.homepage).toMatch(/^https:\/\//);
  expect(manifest.bugs?.url).toMatch(/^https:\/\//);
  expect(manifest.keywords?.length).toBeGreaterThan(0);
  expect(Object.values(manifest.dependencies ?? {}).filter((range) => range.startsWith('workspace:'))).toEqual([]);
});

test('no packed package names a private workspace package (@x/tsconfig, @x/test-brokers, ...) in any dependency field', () => {
  const privateNames = ['@x/tsconfig', '@x/test-brokers', '@x/bench', '@x/pack-check', '@x/runtimes'];
  for (const pkg of packed) {
    const installed = JSON.parse(readFileSync(join(consumerDir, 'node_modules', pkg.name, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const named = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) => Object.keys(installed[field] ?? {}));
    expect(named.filter((name) => privateNames.includes(name)), pkg.name).toEqual([]);
  }
});

test('a prepack script builds each package, so a pack on a fresh clone holds dist/', () => {
  for (const pkg of packed) expect(pkg.manifest.scripts?.prepack, pkg.name).toBe(pkg.manifest.scripts?.build);
});

test('ws is a caret range, so users with ws already installed do not get a second copy', () => {
  const ws = packed.find((pkg) => pkg.name === '@x/mqtt-transport-ws');
  expect(ws?.manifest.dependencies?.ws).toMatch(/^\^8\./);
});
