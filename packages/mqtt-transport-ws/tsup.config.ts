import { libraryBuild } from '../../tooling/tsconfig/tsup.base.js';

// Two entries: index (Node, imports `ws` and node:*) and browser (native WebSocket only).
// Shared modules end up in chunks that import neither; test/browser-entry-*.test.ts checks it.
export default libraryBuild({ index: 'src/index.ts', browser: 'src/browser.ts' });
