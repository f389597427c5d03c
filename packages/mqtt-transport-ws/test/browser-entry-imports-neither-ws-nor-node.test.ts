import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const packageJson = JSON.parse(readFileSync(join(here, '..', 'package.json'), 'utf8')) as {
  exports: Record<string, { 'x-mqtt-source'?: unknown; browser?: { import?: { default?: string }; require?: { default?: string } } }>;
};
/** Runtime imports only: `import type` and `export type` vanish from a bundle. */
const RUNTIME_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;

/** Every module specifier reachable from `entry` through runtime imports, following workspace packages' sources. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const specifiers: string[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(RUNTIME_IMPORT)) {
      const specifier = match[1] ?? '';
      specifiers.push(specifier);
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else if (specifier.startsWith('@x/')) {
        const pkgDir = dirname(createRequire(file).resolve(`${specifier}/package.json`));
        const exports = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { exports: Record<string, { 'x-mqtt-source': string }> }).exports;
        visit(join(pkgDir, exports['.']?.['x-mqtt-source'] ?? 'src/index.ts'));
      }
    }
  };
  visit(entry);
  return specifiers;
}

test('the browser entry reaches no node built-in and not the ws package', () => {
  const specifiers = reachable(join(here, '..', 'src', 'browser.ts'));
  expect(specifiers).toContain('./browser-ws-transport.js');
  const forbidden = specifiers.filter((s) => s.startsWith('node:') || builtinModules.includes(s) || s === 'ws' || s.startsWith('ws/') || s === '@x/mqtt-transport-tcp');
  expect(forbidden).toEqual([]);
});

test('the Node entry does reach ws (so the check above can fail)', () => {
  expect(reachable(join(here, '..', 'src', 'index.ts'))).toContain('ws');
});

test('package.json sends browser bundlers to the browser entry', () => {
  expect(packageJson.exports['.']?.['x-mqtt-source']).toEqual({ browser: './src/browser.ts', default: './src/index.ts' });
  expect(packageJson.exports['.']?.browser?.import?.default).toBe('./dist/browser.js');
  expect(packageJson.exports['.']?.browser?.require?.default).toBe('./dist/browser.cjs');
});
