// The flags mean what mosquitto_pub/mosquitto_sub mean: xmqtt pub -l is received by mosquitto_sub
// exactly, and mosquitto_pub -l feeds xmqtt sub -v the same lines, retained flags included.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { programPath, runProgram, spawnProgram, startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { waitFor, xmqtt } from './support/xmqtt.js';

let broker: MosquittoBroker<'mqtt'>;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(() => broker?.stop());

const lines = Array.from({ length: 200 }, (_, i) => `message ${i} ${'x'.repeat(i)}`);

test('xmqtt pub -l -q 1 -> mosquitto_sub -v -C 200: the same lines', async () => {
  const port = String(broker.ports.mqtt);
  // stdbuf: mosquitto_sub's -d lines (SUBACK) reach the pipe at once, not when its buffer fills
  const sub = spawnProgram('stdbuf', ['-oL', programPath('mosquitto_sub'), '-h', '127.0.0.1', '-p', port, '-t', 'cli/cross/a', '-q', '1', '-v', '-C', '200', '-d'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  sub.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((resolve) => sub.once('close', resolve));
  await waitFor(() => out.includes('SUBACK'));
  expect((await xmqtt(['pub', '-h', '127.0.0.1', '-p', port, '-q', '1', '-t', 'cli/cross/a', '-l'], { stdin: `${lines.join('\n')}\n` }).done).code).toBe(0);
  expect(await exited).toBe(0);
  const received = out.split('\n').filter((l) => l.startsWith('cli/cross/a '));
  expect(received).toEqual(lines.map((l) => `cli/cross/a ${l}`));
});

test('mosquitto_pub -l -q 2 -> xmqtt sub -v -C 200: the same lines', async () => {
  const port = String(broker.ports.mqtt);
  const sub = xmqtt(['sub', '-h', '127.0.0.1', '-p', port, '-t', 'cli/cross/b', '-q', '2', '-v', '-C', '200', '-d']);
  await waitFor(() => sub.stderr().includes('received SUBACK'));
  const feeder = spawnProgram('mosquitto_pub', ['-h', '127.0.0.1', '-p', port, '-t', 'cli/cross/b', '-q', '2', '-l'], { stdio: ['pipe', 'ignore', 'ignore'] });
  const fed = new Promise<number | null>((resolve) => feeder.once('close', resolve));
  feeder.stdin!.end(`${lines.join('\n')}\n`);
  expect(await fed).toBe(0);
  const got = await sub.done;
  expect(got.code).toBe(0);
  expect(got.stdout.split('\n').slice(0, -1)).toEqual(lines.map((l) => `cli/cross/b ${l}`));
});

test('retain: xmqtt pub -r is retained for mosquitto_sub, and -R hides mosquitto_pub -r from xmqtt sub', async () => {
  const port = String(broker.ports.mqtt);
  expect((await xmqtt(['pub', '-h', '127.0.0.1', '-p', port, '-r', '-q', '1', '-t', 'cli/cross/r1', '-m', 'kept']).done).code).toBe(0);
  const seen = await runProgram('mosquitto_sub', ['-h', '127.0.0.1', '-p', port, '-t', 'cli/cross/r1', '-C', '1', '-F', '%r %p', '-W', '5']);
  expect(seen.stdout).toBe('1 kept\n');
  await runProgram('mosquitto_pub', ['-h', '127.0.0.1', '-p', port, '-r', '-q', '1', '-t', 'cli/cross/r2', '-m', 'stale']);
  const hidden = await xmqtt(['sub', '-h', '127.0.0.1', '-p', port, '-t', 'cli/cross/r2', '-R', '-W', '1']).done;
  expect(hidden).toMatchObject({ code: 27, stdout: '' });
  const shown = await xmqtt(['sub', '-h', '127.0.0.1', '-p', port, '-t', 'cli/cross/r2', '--retained-only', '-F', '%r %p', '-C', '1']).done;
  expect(shown).toMatchObject({ code: 0, stdout: '1 stale\n' });
});
