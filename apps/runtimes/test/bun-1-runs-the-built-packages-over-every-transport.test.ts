// Bun 1 imports the built ESM packages and, against a real mosquitto, publishes and receives at
// QoS 0, 1 and 2 over tcp, tls, ws and wss and over Bun's own WebSocket; the codec alone works.
// Bun resolves `import 'ws'` to its built-in re-implementation of the ws API, not the npm package.
import { afterAll, beforeAll, it } from 'vitest';
import { expectSmoke } from './support/expect-smoke.js';
import { runSmoke, startSmokeBroker, type SmokeBroker } from './support/run-smoke.js';

let broker: SmokeBroker;
beforeAll(async () => {
  broker = await startSmokeBroker();
});
afterAll(async () => {
  await broker?.stop();
});

it('bun runs the codec and every transport, its own WebSocket included', async () => {
  const run = await runSmoke('bun', broker);
  expectSmoke(run, /^bun 1\./, { tcp: 'pass', tls: 'pass', ws: 'pass', wss: 'pass', 'native-ws': 'pass', 'native-wss': 'pass' });
});
