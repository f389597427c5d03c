// The runtimes fetched from npm (tooling/system-programs.json, 'npm': name@version) are the ones
// the table pins, and start through programs.ts by their table name.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { runRuntime, runtimeNames } from '@x/test-brokers';

const table = JSON.parse(readFileSync(new URL('../../system-programs.json', import.meta.url), 'utf8')) as { programs: Record<string, { npm?: string }> };

function pinnedVersion(name: string): string {
  const spec = table.programs[name]?.npm ?? '';
  return spec.slice(spec.lastIndexOf('@') + 1);
}

it('names Node 22, 24 and 26, Deno and Bun as runtimes fetched from npm', () => {
  expect(runtimeNames()).toEqual(['node22', 'node24', 'node26', 'deno', 'bun']);
});

it.each(['node22', 'node24', 'node26'])('%s runs and reports the pinned Node.js version', async (name) => {
  const { stdout } = await runRuntime(name, ['--version']);
  expect(stdout.trim()).toBe(`v${pinnedVersion(name)}`);
  expect(pinnedVersion(name).split('.')[0]).toBe(name.slice('node'.length));
});

it('deno runs and reports the pinned Deno 2 version', async () => {
  const { stdout } = await runRuntime('deno', ['--version']);
  expect(stdout).toContain(`deno ${pinnedVersion('deno')} `);
  expect(pinnedVersion('deno')).toMatch(/^2\./);
});

it('bun runs and reports the pinned Bun 1 version', async () => {
  const { stdout } = await runRuntime('bun', ['--version']);
  expect(stdout.trim()).toBe(pinnedVersion('bun'));
  expect(pinnedVersion('bun')).toMatch(/^1\./);
});

it('refuses a program that is not a runtime fetched from npm', () => {
  expect(() => runRuntime('mosquitto', ['-h'])).toThrow(/not a runtime fetched from npm/);
});
