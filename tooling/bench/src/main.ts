// Benchmarks, side by side with MQTT.js and mqtt-packet in the same run. Prints Markdown tables.
// usage: pnpm bench [--quick] [codec] [size] [client-only] [receive] [connections] [end-to-end] [store]
// (no section: all of them; `client`, the old through-broker bench of 2026-11, runs only when named)
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { runProgram } from '@x/test-brokers';
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

const commit = await runProgram('git', ['rev-parse', '--short', 'HEAD']).then((r) => r.stdout.trim(), () => 'unknown');
console.log(
  `# @x/mqtt benchmarks\n\n\`pnpm bench ${args.join(' ')}\`, ${new Date().toISOString().slice(0, 16)}Z, commit ${commit}, node ${process.version}, ${process.platform}/${process.arch}, time per task ${timeMs} ms${quick ? ' (--quick)' : ''}`,
);

/** The machine's 1-minute load average around a section: a busy machine moves every figure. */
async function section(name: string, run: () => Promise<unknown>): Promise<void> {
  if (!wants(name)) return;
  const before = loadavg()[0]!.toFixed(1);
  await run();
  console.log(`\n(load average, 1 min: ${before} before ${name}, ${loadavg()[0]!.toFixed(1)} after)`);
}

await section('codec', () => benchCodec(timeMs));

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

await section('client-only', () => benchClientOnly(quick));

await section('receive', () => benchReceive(quick));

await section('connections', () => benchConnections(quick));

await section('end-to-end', () => benchEndToEnd(quick));

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
