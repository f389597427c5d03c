// The suites run again under every other live Node.js line (tooling/runtimes/src/node-lines.ts):
// codec, core, the three transports, helpers and the facade, each with its own vitest config, in
// one vitest process per Node version. The interop, fault and app suites stay on Node 20.
// Workers stay at vitest's default (the machine's cores), as in `pnpm test`: measured on 2 cores,
// 3 or 4 workers save about a third of the time but push CPU-heavy tests (40,000 waitForPublish
// calls, 3,000-run property tests) to within a second of their 5 s timeouts.
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
