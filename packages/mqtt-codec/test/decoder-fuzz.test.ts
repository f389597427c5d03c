import fc from 'fast-check';
import { expect, it } from 'vitest';
import { fuzzInput, fuzzOnce } from './support/fuzz.js';

it('random and mutated bytes only ever raise MqttError, and buffered stays within maximumPacketSize', { timeout: 60_000 }, () => {
  let runs = 0;
  fc.assert(
    fc.property(fuzzInput, (input) => {
      runs++;
      expect(fuzzOnce(input)).toBeUndefined();
    }),
    { numRuns: 20_000 },
  );
  expect(runs).toBe(20_000);
});
