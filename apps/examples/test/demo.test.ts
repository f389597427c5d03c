// Runs the quick-start tour (src/demo.ts) and checks each step's line and the 10 s budget.
import { expect, it } from 'vitest';
import { describeRun, runExample } from './run-example.js';

it('demo: the quick-start tour goes through every step and exits 0 within 10 s', async () => {
  const run = await runExample('demo', [], 10_000);
  expect(run.code, describeRun(run)).toBe(0);
  expect(run.ms).toBeLessThan(10_000);
  expect(run.lines).toContainEqual(expect.stringMatching(/^connect {4}connected as x-mqtt-\w+ \(session present: false\)$/));
  expect(run.lines).toContainEqual(expect.stringMatching(/^subscribe {2}\S+\/# granted QoS 2$/));
  for (const qos of [0, 1, 2]) expect(run.stdout).toContain(`received "hello at QoS ${qos}" on .../qos${qos} at QoS ${qos}`);
  expect(run.lines).toContainEqual(expect.stringMatching(/^will {7}.*published "offline \(will\)"/));
  expect(run.lines).toContainEqual(expect.stringMatching(/^v4 connect +18 B {2}10 10 00 04 4d 51 54 54/));
  expect(run.lines.at(-1)).toMatch(/^done in \d+\.\d s\./);
  // The hint it prints is the README's own command form, not a bare `pnpm` (issue 13 item 16).
  expect(run.lines.at(-1)).toMatch(/Next: npx -y pnpm@10\.34\.9 --filter @x\/examples example src\/getting-started\.ts$/);
  expect(run.stdout).not.toMatch(/(^|[^@.\w-])pnpm /m);
});
