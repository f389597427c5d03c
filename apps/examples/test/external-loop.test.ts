// Runs src/external-loop.ts: three QoS 1 round trips driven only by loopRead/loopWrite/loopMisc (externalLoop: true).
import { expect, it } from 'vitest';
import { describeRun, runExample } from './run-example.js';

it('external-loop: loopRead/loopWrite/loopMisc drive the client with externalLoop; the socket callbacks bracket the connection', async () => {
  const run = await runExample('external-loop');
  expect(run.code, describeRun(run)).toBe(0);
  const lines = run.lines.filter((line) => !line.startsWith('started') && !line.startsWith('socket register write') && !line.startsWith('socket unregister write'));
  expect(lines[0]).toBe('socket open: register Socket for reading');
  expect(lines.slice(1, 4)).toEqual(['received tick 1', 'received tick 2', 'received tick 3']);
  expect(lines[4]).toMatch(/^\d+ loopRead calls, want write: false$/);
  expect(lines[5]).toBe('socket close: unregister Socket');
  expect(lines).toHaveLength(6);
});
