// xmqtt sub -C n exits 0 after n messages; -W s exits after s seconds (27 without its count, as mosquitto_sub).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { waitFor, xmqtt } from './support/xmqtt.js';

let broker: MosquittoBroker<'mqtt'>;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(() => broker?.stop());

test('-C 3 prints three of five messages and exits 0', async () => {
  const port = String(broker.ports.mqtt);
  const sub = xmqtt(['sub', '-h', '127.0.0.1', '-p', port, '-t', 'cli/count', '-C', '3', '-d']);
  await waitFor(() => sub.stderr().includes('received SUBACK'));
  expect((await xmqtt(['pub', '-h', '127.0.0.1', '-p', port, '-q', '1', '-t', 'cli/count', '-l'], { stdin: 'a\nb\nc\nd\ne\n' }).done).code).toBe(0);
  const got = await sub.done;
  expect(got).toMatchObject({ code: 0, stdout: 'a\nb\nc\n' });
});

test('-W 1 with nothing published exits with 27 after about a second', async () => {
  const started = Date.now();
  const got = await xmqtt(['sub', '-h', '127.0.0.1', '-p', String(broker.ports.mqtt), '-t', 'cli/quiet', '-W', '1']).done;
  expect(got.code).toBe(27);
  expect(got.stdout).toBe('');
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
});
