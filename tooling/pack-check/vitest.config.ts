import { defineConfig } from 'vitest/config';

// One pack and one npm install for the whole suite (test/global-setup.ts): the files only read them.
export default defineConfig({
  resolve: { conditions: ['x-mqtt-source'] },
  ssr: { resolve: { conditions: ['x-mqtt-source'] } },
  test: { include: ['test/**/*.test.ts'], globalSetup: ['test/global-setup.ts'], testTimeout: 120_000, hookTimeout: 60_000 },
});
