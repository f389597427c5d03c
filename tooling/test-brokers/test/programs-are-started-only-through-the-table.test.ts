// The table of external programs is the only way to start one: an unknown name is refused, and
// tooling/check-programs.mjs fails a tree in which a file imports child_process itself.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { hasProgram, programPath, runNode, runProgram } from '../src/index.js';

const checkScript = fileURLToPath(new URL('../../check-programs.mjs', import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

it('refuses a program the table does not name', () => {
  expect(() => programPath('mosquitto_rr')).toThrow(/not in tooling\/system-programs.json/);
  expect(() => hasProgram('telnet')).toThrow(/not in tooling\/system-programs.json/);
});

it('starts a program the table names, from the path the table gives', async () => {
  expect(programPath('mosquitto_pub')).toBe('/usr/bin/mosquitto_pub');
  const { stdout } = await runProgram('openssl', ['version']);
  expect(stdout).toMatch(/^OpenSSL /);
});

it('fails a tree with a file that starts a process on its own, and passes it once that goes through the table', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'x-mqtt-check-programs-'));
  dirs.push(dir);
  await mkdir(join(dir, 'src'));
  await writeFile(join(dir, 'src', 'rogue.test.ts'), "import { execFile } from 'node:child_process';\nexecFile('mosquitto_rr', []);\n");
  await writeFile(join(dir, 'src', 'typed.ts'), "import type { ChildProcess } from 'node:child_process';\nexport type P = ChildProcess;\n");
  await runProgram('git', ['init', '-q'], { cwd: dir });
  const failed = await runNode([checkScript, '--root', dir]).then(() => undefined, (error: { code: number; stderr: string }) => error);
  expect(failed?.code).toBe(1);
  expect(failed?.stderr).toContain('src/rogue.test.ts imports child_process');
  expect(failed?.stderr).not.toContain('typed.ts');
  await writeFile(join(dir, 'src', 'rogue.test.ts'), "import { runProgram } from '@x/test-brokers';\nawait runProgram('mosquitto_pub', []);\n");
  const { stdout } = await runNode([checkScript, '--root', dir]);
  expect(stdout).toContain('every program started goes through the table');
}, 60_000);
