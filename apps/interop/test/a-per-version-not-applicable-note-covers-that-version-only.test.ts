// A broker's n/a note keyed `scenario@version` (e.g. ejabberd's 3.1.1 SUBACK deviation) makes only
// that version n/a; the same scenario still runs on the broker's other versions.
import { expect, test } from 'vitest';
import { runOne } from '../src/runner.js';
import type { BrokerHandle, Capabilities, Scenario } from '../src/types.js';

const caps: Capabilities = {
  versions: ['3.1.1', '5.0'],
  maxQos: 2,
  overlap: {},
  dollar: undefined,
  deniedFilter: undefined,
  credentials: undefined,
  badPassword: { v3: 5, v5: 0x87 },
  sharedSubscriptions: false,
  peers: false,
  notApplicable: { 'family/one@3.1.1': 'observed: not on 3.1.1' },
};
// The scenario below opens no connection, so the broker is never contacted.
const broker: BrokerHandle = { name: 'no-broker', host: '127.0.0.1', port: 9, caps, pid: undefined, stop: async () => undefined };

test('an `id@version` note makes that version n/a and leaves the other version to run', async () => {
  let runs = 0;
  const scenario: Scenario = { id: 'family/one', run: async () => void runs++ };
  const v311 = await runOne(broker, scenario, '3.1.1');
  const v5 = await runOne(broker, scenario, '5.0');
  expect([v311.outcome, v311.detail]).toEqual(['n/a', 'observed: not on 3.1.1']);
  expect(v5.outcome).toBe('PASS');
  expect(runs).toBe(1);
});
