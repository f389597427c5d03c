// Benchmarks, side by side with MQTT.js and mqtt-packet in the same run. Prints Markdown tables.
// usage: pnpm bench [--quick] [codec] [size]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { benchCodec } from './codec.js';
import { bundleSize, fileSize, printSizes, benchDir } from './size.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const wants = (section: string) => only.length === 0 || only.includes(section);
const timeMs = quick ? 200 : 1000;

console.log(`# @x/mqtt benchmarks\n\nnode ${process.version}, ${process.platform}/${process.arch}, time per task ${timeMs} ms`);

if (wants('codec')) await benchCodec(timeMs);

if (wants('size')) {
  const require = createRequire(import.meta.url);
  const mqttJsMin = join(dirname(require.resolve('mqtt/package.json')), 'dist/mqtt.min.js');
  printSizes([
    await bundleSize('@x/mqtt-codec (encode + Decoder)', "export { encode, Decoder } from '@x/mqtt-codec';", benchDir),
    fileSize('MQTT.js 5.14.1 dist/mqtt.min.js', readFileSync(mqttJsMin)),
  ]);
}
