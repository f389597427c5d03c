import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources (the "x-mqtt-source" export condition).
export default defineConfig({
  resolve: { conditions: ['x-mqtt-source'] },
  ssr: { resolve: { conditions: ['x-mqtt-source'] } },
  test: { include: ['test/**/*.test.ts'] },
});
