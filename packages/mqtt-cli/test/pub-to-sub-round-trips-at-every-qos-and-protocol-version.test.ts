// xmqtt pub -> mosquitto -> xmqtt sub, for each protocol version (-V 31, 311, 5) and QoS (0, 1, 2).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { waitFor, xmqtt } from './support/xmqtt.js';

let broker: MosquittoBroker<'mqtt'>;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(() => broker?.stop());

const cases = ['31', '311', '5'].flatMap((v) => ['0', '1', '2'].map((q) => [v, q] as const));

test.each(cases)('-V %s -q %s: the message arrives once, with its QoS', async (v, q) => {
  const port = String(broker.ports.mqtt);
  const topic = `cli/round-trip/${v}/${q}`;
  const sub = xmqtt(['sub', '-h', '127.0.0.1', '-p', port, '-V', v, '-q', q, '-t', topic, '-C', '1', '-F', '%t|%p|%q', '-d']);
  await waitFor(() => sub.stderr().includes('received SUBACK'));
  const pub = await xmqtt(['pub', '-h', '127.0.0.1', '-p', port, '-V', v, '-q', q, '-t', topic, '-m', `hello ${v} ${q}`]).done;
  expect(pub).toMatchObject({ code: 0, stderr: '' });
  const got = await sub.done;
  expect(got.code).toBe(0);
  expect(got.stdout).toBe(`${topic}|hello ${v} ${q}|${q}\n`);
});
