// In the consumer project, outside the monorepo: `require` of every installed package that has a
// CommonJS entry from a plain .cjs file, the codec alone, and a QoS 1 round trip through mosquitto
// over tcp and over ws.
import { join } from 'node:path';
import { startMosquitto } from '@x/test-brokers';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { hasRequireEntry } from '../src/publishable.js';
import { runScriptOk } from '../src/tools.js';

const packed = inject('packed');
const consumerDir = inject('consumerDir');
let broker: Awaited<ReturnType<typeof startMosquitto<'mqtt' | 'ws'>>>;

beforeAll(async () => {
  broker = await startMosquitto({ listeners: ['mqtt', 'ws'] });
});
afterAll(() => broker?.stop());

test('every packed package with a CommonJS entry requires, and the facade round-trips QoS 1 over tcp and ws', async () => {
  const requirable = packed.filter((pkg) => hasRequireEntry(pkg.manifest));
  const urls = [`mqtt://127.0.0.1:${broker.ports.mqtt}`, `ws://127.0.0.1:${broker.ports.ws}/mqtt`];
  const { stdout } = await runScriptOk(join(consumerDir, 'cjs.cjs'), [requirable.map((pkg) => pkg.name).join(','), ...urls], { cwd: consumerDir, timeoutMs: 60_000 });
  const result = JSON.parse(stdout) as { entry: string; packages: Record<string, number>; pingreq: number[]; decoded: string[]; roundTrips: Record<string, string> };
  expect(result.entry).toBe(join(consumerDir, 'node_modules/@x/mqtt/dist/index.cjs'));
  expect(requirable.length).toBeGreaterThan(1);
  for (const pkg of requirable) expect(result.packages[pkg.name], pkg.name).toBeGreaterThan(0);
  expect(result.pingreq).toEqual([0xc0, 0x00]);
  expect(result.decoded).toEqual(['pingreq']);
  expect(result.roundTrips).toEqual({ [urls[0]!]: 'hello over mqtt:', [urls[1]!]: 'hello over ws:' });
});
