// The one test setup of every workspace package: resolve sibling packages to their TypeScript
// sources (the "x-mqtt-source" export condition), so tests never need a build first.
import { defineConfig } from 'vitest/config';

export function packageTests(test: { testTimeout?: number; hookTimeout?: number; fileParallelism?: boolean } = {}) {
  return defineConfig({
    resolve: { conditions: ['x-mqtt-source'] },
    ssr: { resolve: { conditions: ['x-mqtt-source'] } },
    test: { include: ['test/**/*.test.ts'], ...test },
  });
}
