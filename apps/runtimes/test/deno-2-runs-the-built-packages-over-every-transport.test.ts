// Deno 2 imports the built ESM packages from node_modules and, against a real mosquitto, publishes
// and receives at QoS 0, 1 and 2 over tcp, tls, ws and wss (the Node entry: node:net, node:tls and
// the `ws` package through Deno's Node compatibility) and over Deno's own WebSocket; the codec alone works.
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

it('deno runs the codec and every transport, its own WebSocket included', async () => {
  const run = await runSmoke('deno', broker);
  expectSmoke(run, /^deno 2\./, { tcp: 'pass', tls: 'pass', ws: 'pass', wss: 'pass', 'native-ws': 'pass', 'native-wss': 'pass' });
});
