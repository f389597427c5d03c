import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources (the "x-mqtt-source" export condition).
// Each test runs an example as a child process (a second or two), some against mosquitto.
export default defineConfig({
  resolve: { conditions: ['x-mqtt-source'] },
  ssr: { resolve: { conditions: ['x-mqtt-source'] } },
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
