import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { startMosquitto } from '../src/index.js';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('stop() ends the mosquitto process it started and deletes the temp dir', async () => {
  const broker = await startMosquitto();
  const { pid, dir } = broker;
  expect(isRunning(pid)).toBe(true);
  expect(existsSync(dir)).toBe(true);
  await broker.stop();
  expect(isRunning(pid)).toBe(false);
  expect(existsSync(dir)).toBe(false);
});
