import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources (the "x-mqtt-source" export condition).
// The browser test builds the bundle and starts mosquitto and Chromium: allow it time.
export default defineConfig({
  resolve: { conditions: ['x-mqtt-source'] },
  ssr: { resolve: { conditions: ['x-mqtt-source'] } },
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});
