// Benchmarks, side by side with MQTT.js and mqtt-packet in the same run. Prints Markdown tables.
// usage: pnpm bench [--quick] [codec] [size] [client-only] [receive] [connections] [end-to-end] [store]
// (no section: all of them; `client`, the old through-broker bench of 2026-11, runs only when named)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { benchClient } from './client.js';
import { benchClientOnly } from './client-only.js';
import { benchReceive } from './receive.js';
import { benchConnections } from './connections.js';
import { benchEndToEnd } from './end-to-end.js';
import { benchCodec } from './codec.js';
import { bundleSize, fileSize, printSizes, benchDir, type SizeRow } from './size.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const wants = (section: string) => only.length === 0 || only.includes(section);
const timeMs = quick ? 200 : 1000;

console.log(`# @x/mqtt benchmarks\n\nnode ${process.version}, ${process.platform}/${process.arch}, time per task ${timeMs} ms${quick ? ' (--quick)' : ''}`);

if (wants('codec')) await benchCodec(timeMs);

if (wants('size')) {
  const require = createRequire(import.meta.url);
  const mqttJsMin = join(dirname(require.resolve('mqtt/package.json')), 'dist/mqtt.min.js');
  const facade: SizeRow | string = await bundleSize('@x/mqtt Client (browser entry)', "export { Client } from '@x/mqtt';", benchDir, ['browser', 'x-mqtt-source']).catch(
    () => '@x/mqtt Client (browser entry): n/a (no browser entry yet)',
  );
  printSizes([
    await bundleSize('@x/mqtt-codec (encode + Decoder)', "export { encode, Decoder } from '@x/mqtt-codec';", benchDir),
    facade,
    fileSize('MQTT.js 5.16.0 dist/mqtt.min.js', readFileSync(mqttJsMin)),
  ]);
}

if (wants('client-only')) await benchClientOnly(quick);

if (wants('receive')) await benchReceive(quick);

if (wants('connections')) await benchConnections(quick);

if (wants('end-to-end')) await benchEndToEnd(quick);

if (only.includes('client')) await benchClient(quick);

if (wants('store')) {
  // src/store-file.ts belongs to the store's owner; it is run when it exists.
  const storeModule = './store-file.js';
  if (existsSync(new URL('./store-file.ts', import.meta.url))) {
    const { benchStoreFile } = (await import(storeModule)) as { benchStoreFile: (timeMs: number) => Promise<unknown> };
    await benchStoreFile(timeMs);
  } else {
    console.log('\n## Store\n\nn/a (src/store-file.ts does not exist yet)');
  }
}
