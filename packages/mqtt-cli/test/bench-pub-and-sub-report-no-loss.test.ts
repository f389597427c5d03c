// A short xmqtt bench run: bench sub (2 connections) and bench pub (2 publishers x 500 QoS 1) in two
// processes; the sub's --json summary counts every message once per subscriber: none lost or doubled.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { waitFor, xmqtt } from './support/xmqtt.js';

let broker: MosquittoBroker<'mqtt'>;
beforeAll(async () => {
  broker = await startMosquitto({ extraConfig: 'max_queued_messages 0\n' });
});
afterAll(() => broker?.stop());

test('bench sub sees 2 x 2 x 500 messages, 0 lost, 0 duplicated, with latency percentiles', async () => {
  const port = String(broker.ports.mqtt);
  const sub = xmqtt(['bench', 'sub', '-h', '127.0.0.1', '-p', port, '-c', '2', '-q', '1', '-t', 'cli/bench/#', '--json', '--idle', '10']);
  await waitFor(() => sub.stderr().includes('subscribed to cli/bench/#'));
  const pub = await xmqtt(['bench', 'pub', '-h', '127.0.0.1', '-p', port, '-c', '2', '-n', '500', '-q', '1', '-s', '64', '-t', 'cli/bench/%i', '--json']).done;
  expect(pub.code).toBe(0);
  expect(JSON.parse(pub.stdout)).toMatchObject({ mode: 'pub', sent: 1000, acked: 1000, errors: 0 });
  const got = await sub.done;
  expect(got.code).toBe(0);
  const summary = JSON.parse(got.stdout) as { received: number; lost: number; duplicated: number; publishers: number; latencyMs: { p50: number; p99: number; max: number } };
  expect(summary).toMatchObject({ mode: 'sub', received: 2000, lost: 0, duplicated: 0, errors: 0, publishers: 2 });
  expect(summary.latencyMs.p50).toBeGreaterThan(0);
  expect(summary.latencyMs.max).toBeGreaterThanOrEqual(summary.latencyMs.p99);
});

test('bench conn opens and closes 20 connections and reports the rate', async () => {
  const got = await xmqtt(['bench', 'conn', '-h', '127.0.0.1', '-p', String(broker.ports.mqtt), '-c', '20', '--json', '--quiet']).done;
  expect(got.code).toBe(0);
  const summary = JSON.parse(got.stdout) as { connections: number; connectionsPerSecond: number; memoryPerConnectionBytes: { rss: number } };
  expect(summary.connections).toBe(20);
  expect(summary.connectionsPerSecond).toBeGreaterThan(0);
  expect(typeof summary.memoryPerConnectionBytes.rss).toBe('number');
});
