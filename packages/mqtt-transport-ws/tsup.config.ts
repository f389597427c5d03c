import { defineConfig } from 'tsup';

// Two entries: index (Node, imports `ws` and node:*) and browser (native WebSocket only).
// Shared modules end up in chunks that import neither; test/browser-entry-*.test.ts checks it.
export default defineConfig({
  entry: { index: 'src/index.ts', browser: 'src/browser.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
