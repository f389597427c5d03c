// Runs src/per-filter-callbacks.ts: exactly the expected callbacks ran for each topic.
import { expect, it } from 'vitest';
import { describeRun, runExample } from './run-example.js';

it('per-filter-callbacks: every matching filter callback runs, and onMessage only for unclaimed topics', async () => {
  const run = await runExample('per-filter-callbacks');
  expect(run.code, describeRun(run)).toBe(0);
  const calls = run.lines.filter((line) => !line.startsWith('started') && !line.endsWith(' callbacks')).map((line) => line.replace(/\s+/g, ' '));
  expect(calls.sort()).toEqual([
    'kitchen sensors/kitchen/humidity',
    'kitchen sensors/kitchen/temperature',
    'onMessage alarms/door',
    'temperature sensors/garage/temperature',
    'temperature sensors/kitchen/temperature',
  ]);
  expect(run.lines.at(-1)).toBe('5 callbacks');
});
