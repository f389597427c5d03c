import { libraryBuild } from '../../tooling/tsconfig/tsup.base.js';

// Two entries: index (Node: tcp, tls, ws) and browser (native WebSocket only).
export default libraryBuild(['src/index.ts', 'src/browser.ts']);
