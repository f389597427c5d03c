import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources (the "x-mqtt-source" export condition).
// One fault at a time (files share nothing but CPU, and timing-sensitive faults need it), with
// --expose-gc so memory checks measure what is retained rather than what is not yet collected.
export default defineConfig({
  resolve: { conditions: ['x-mqtt-source'] },
  ssr: { resolve: { conditions: ['x-mqtt-source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    fileParallelism: false,
    execArgv: ['--expose-gc'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
