import { packageTests } from '../../tooling/tsconfig/vitest.base.js';

// Coverage floors (issue 11), checked by `pnpm test` (vitest run --coverage): the sans-I/O session
// is covered completely, branches included; the engine nearly so. The 30 s test timeout leaves room
// for the few tests that loop 65,535 times under coverage instrumentation on a loaded machine.
export default packageTests({
  testTimeout: 30_000,
  coverage: {
    thresholds: {
      'src/session/**': { statements: 100, branches: 100, functions: 100, lines: 100 },
      'src/driver/mqtt-engine.ts': { branches: 95 },
    },
  },
});
