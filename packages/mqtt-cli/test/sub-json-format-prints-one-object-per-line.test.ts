// xmqtt sub -F json: one JSON object per line (topic, payload, qos, retain, properties), for jq.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { waitFor, xmqtt } from './support/xmqtt.js';

let broker: MosquittoBroker<'mqtt'>;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(() => broker?.stop());

test('two messages, one with v5 properties, print as two JSON lines', async () => {
  const port = String(broker.ports.mqtt);
  const sub = xmqtt(['sub', '-h', '127.0.0.1', '-p', port, '-V', '5', '-q', '1', '-t', 'cli/json/#', '-C', '2', '-F', 'json', '-d']);
  await waitFor(() => sub.stderr().includes('received SUBACK'));
  const first = await xmqtt(['pub', '-h', '127.0.0.1', '-p', port, '-V', '5', '-q', '1', '-t', 'cli/json/a', '-m', '{"t":21.5}', '-D', 'publish', 'content-type', 'application/json', '-D', 'publish', 'user-property', 'unit', 'C']).done;
  expect(first.code).toBe(0);
  const second = await xmqtt(['pub', '-h', '127.0.0.1', '-p', port, '-V', '5', '-t', 'cli/json/b', '-n']).done;
  expect(second.code).toBe(0);
  const got = await sub.done;
  expect(got.code).toBe(0);
  const objects = got.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(objects).toHaveLength(2);
  expect(objects[0]).toMatchObject({ topic: 'cli/json/a', payload: '{"t":21.5}', qos: 1, retain: false, properties: { contentType: 'application/json', userProperties: [['unit', 'C']] } });
  expect(objects[1]).toMatchObject({ topic: 'cli/json/b', payload: '', qos: 0, retain: false });
});
