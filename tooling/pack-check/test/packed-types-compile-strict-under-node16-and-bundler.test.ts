// tsc (strict, skipLibCheck off) in the consumer project against the installed declarations:
// moduleResolution node16 from an ES module (.mts) and from a CommonJS one (.cts), and bundler.
// The files' @ts-expect-error lines make the compile fail if the types were any.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, inject, test } from 'vitest';
import { runScript } from '../src/tools.js';

const consumerDir = inject('consumerDir');
/** The consumer's TypeScript (installed there from npm), not the monorepo's. */
const tsc = (): string => join(consumerDir, 'node_modules/typescript/bin/tsc');

beforeAll(() => {
  mkdirSync(join(consumerDir, 'node16'), { recursive: true });
  copyFileSync(join(consumerDir, 'types/every-package.ts'), join(consumerDir, 'node16/every-package.mts'));
  copyFileSync(join(consumerDir, 'types/every-package.ts'), join(consumerDir, 'node16/every-package.cts'));
  copyFileSync(join(consumerDir, 'types/esm-only.ts'), join(consumerDir, 'node16/esm-only.mts'));
});

test.each(['node16', 'bundler'])('tsc --strict compiles the uses of every package with moduleResolution %s', async (resolution) => {
  const result = await runScript(tsc(), ['-p', `tsconfig.${resolution}.json`, '--listFiles'], { cwd: consumerDir });
  const lines = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line !== '');
  expect(lines.filter((line) => !line.startsWith('/'))).toEqual([]);
  expect(result.code).toBe(0);
  const declarations = lines.filter((file) => file.includes('/node_modules/@x/'));
  const expected = resolution === 'node16' ? ['index.d.ts', 'index.d.cts', 'browser.d.ts'] : ['index.d.ts', 'browser.d.ts'];
  for (const name of expected) expect(declarations.some((file) => file.endsWith(`/@x/mqtt/dist/${name}`)), name).toBe(true);
});
