import { packageTests } from '../../tooling/tsconfig/vitest.base.js';

// Coverage floor (issue 11), checked by `pnpm test` (vitest run --coverage).
export default packageTests({
  coverage: {
    thresholds: {
      'src/**': { branches: 95 },
    },
  },
});
