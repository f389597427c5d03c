// Under the Node.js running the tests (Node 20, which has no global WebSocket without a flag) the
// smoke runs every transport of the Node entry and skips the runtime's own WebSocket because it
// finds none: capability detected, not platform guessed.
import { afterAll, beforeAll, it } from 'vitest';
import { expectSmoke } from './support/expect-smoke.js';
import { runSmoke, startSmokeBroker, THIS_NODE, type SmokeBroker } from './support/run-smoke.js';

let broker: SmokeBroker;
beforeAll(async () => {
  broker = await startSmokeBroker();
});
afterAll(async () => {
  await broker?.stop();
});

it('this Node runs the codec and every transport, and skips the global WebSocket exactly when it has none', async () => {
  const run = await runSmoke(THIS_NODE, broker);
  const hasWebSocket = typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function';
  const native = hasWebSocket ? 'pass' : { skip: /^this runtime has no global WebSocket$/ };
  expectSmoke(run, new RegExp(`^node ${process.versions.node.replaceAll('.', '\\.')}$`), { tcp: 'pass', tls: 'pass', ws: 'pass', wss: 'pass', 'native-ws': native, 'native-wss': native });
});
