// What a smoke run must show: it ran to its end, names the runtime it ran in, and each check has
// the status this runtime is expected to give (a fail is expected only where the README says why).
import { expect } from 'vitest';
import type { SmokeRun } from './run-smoke.js';

/** 'pass', 'skip' with the reason, or a failure whose error matches the pattern. */
export type Expected = 'pass' | { readonly skip: RegExp } | { readonly fail: RegExp };

export const CLIENT_CHECKS = ['tcp', 'tls', 'ws', 'wss', 'native-ws', 'native-wss'] as const;
export type ClientCheck = (typeof CLIENT_CHECKS)[number];

export function expectSmoke(run: SmokeRun, runtime: RegExp, expected: Readonly<Record<ClientCheck, Expected>>): void {
  expect(run.finished, run.output).toBe(true);
  expect(run.exitCode, run.output).toBe(0);
  expect(run.results.get('runtime')?.runtime).toMatch(runtime);
  expect(run.results.get('runtime')?.entries).toEqual({
    '@x/mqtt': expect.stringMatching(/\/packages\/mqtt\/dist\/index\.js$/),
    '@x/mqtt/browser': expect.stringMatching(/\/packages\/mqtt\/dist\/browser\.js$/),
    '@x/mqtt-codec': expect.stringMatching(/\/packages\/mqtt-codec\/dist\/index\.js$/),
  });
  expect(run.results.get('codec'), run.output).toMatchObject({ status: 'pass', malformedCode: 'MALFORMED_PACKET' });
  for (const check of CLIENT_CHECKS) {
    const result = run.results.get(check);
    const want = expected[check];
    if (want === 'pass') expect(result, `${check}\n${run.output}`).toMatchObject({ status: 'pass', receivedQos: [0, 1, 2] });
    else if ('skip' in want) expect(result?.status === 'skip' ? result.skipped : result, `${check}\n${run.output}`).toMatch(want.skip);
    else expect(result?.status === 'fail' ? result.error : result, `${check}\n${run.output}`).toMatch(want.fail);
  }
}
