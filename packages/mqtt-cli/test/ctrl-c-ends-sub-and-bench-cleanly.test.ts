// Ctrl-C (SIGINT) ends xmqtt sub with exit 0 after a DISCONNECT (so the broker sends no will), and
// ends bench pub with its summary printed.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { waitFor, xmqtt } from './support/xmqtt.js';

let broker: MosquittoBroker<'mqtt'>;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(() => broker?.stop());

test('sub: SIGINT -> DISCONNECT sent, exit 0, the will not published', async () => {
  const port = String(broker.ports.mqtt);
  const watcher = xmqtt(['sub', '-h', '127.0.0.1', '-p', port, '-t', 'cli/will', '-W', '4', '-d']);
  await waitFor(() => watcher.stderr().includes('received SUBACK'));
  const sub = xmqtt(['sub', '-d', '-h', '127.0.0.1', '-p', port, '-t', 'cli/nothing', '--will-topic', 'cli/will', '--will-payload', 'died']);
  await waitFor(() => sub.stderr().includes('received SUBACK'));
  sub.child.kill('SIGINT');
  const got = await sub.done;
  expect(got.code).toBe(0);
  expect(got.stderr).toContain('sending DISCONNECT');
  expect(await watcher.done).toMatchObject({ code: 27, stdout: '' });
});

test('bench pub: SIGINT -> the summary is printed', async () => {
  const run = xmqtt(['bench', 'pub', '-h', '127.0.0.1', '-p', String(broker.ports.mqtt), '-I', '10', '-t', 'cli/bench-int', '--json']);
  await waitFor(() => run.stderr().includes('[1s]'));
  run.child.kill('SIGINT');
  const got = await run.done;
  expect(got.code).toBe(0);
  const summary = JSON.parse(got.stdout) as { sent: number; acked: number; errors: number };
  expect(summary.sent).toBeGreaterThan(0);
  expect(summary.acked).toBe(summary.sent);
  expect(summary.errors).toBe(0);
});
