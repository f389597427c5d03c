// The suites run again under every other live Node.js line (tooling/runtimes/src/node-lines.ts):
// codec, core, the three transports, helpers and the facade, each with its own vitest config, in
// one vitest process per Node version. The interop, fault and app suites stay on Node 20.
import { defineConfig } from 'vitest/config';

export const NODE_LINE_PACKAGES = [
  'packages/mqtt-codec',
  'packages/mqtt-core',
  'packages/mqtt-transport-tcp',
  'packages/mqtt-transport-tls',
  'packages/mqtt-transport-ws',
  'packages/mqtt-helpers',
  'packages/mqtt',
];

export default defineConfig({ test: { projects: NODE_LINE_PACKAGES } });
