// Runs src/external-loop.ts: socket callbacks bracket three round trips driven by loop().
import { expect, it } from 'vitest';
import { describeRun, runExample } from './run-example.js';

it('external-loop: loop() drives the application loop; the socket callbacks bracket the connection', async () => {
  const run = await runExample('external-loop');
  expect(run.code, describeRun(run)).toBe(0);
  const lines = run.lines.filter((line) => !line.startsWith('started') && !line.startsWith('socket register write') && !line.startsWith('socket unregister write'));
  expect(lines[0]).toBe('socket open: register Socket for reading');
  expect(lines.slice(1, 4)).toEqual(['received tick 1', 'received tick 2', 'received tick 3']);
  expect(lines[4]).toMatch(/^\d+ loop iterations, want write: false$/);
  expect(lines[5]).toBe('socket close: unregister Socket');
  expect(lines).toHaveLength(6);
});
