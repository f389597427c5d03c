// Long fuzz run, not part of CI: `npx tsx test/fuzz-long.ts [runs]` (default 2 million).
// Same property as decoder-fuzz.test.ts; prints the seed and counterexample on failure.
import fc from 'fast-check';
import { fuzzInput, fuzzOnce } from './support/fuzz.js';

const runs = Number(process.argv[2] ?? 2_000_000);
const seed = Date.now();
const started = Date.now();
fc.assert(
  fc.property(fuzzInput, (input) => {
    const violation = fuzzOnce(input);
    if (violation !== undefined) throw new Error(violation);
  }),
  { numRuns: runs, seed },
);
console.log(`${runs} runs, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s: no violation`);
