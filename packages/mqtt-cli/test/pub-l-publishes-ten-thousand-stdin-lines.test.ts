// xmqtt pub -l: one message per stdin line; 10,000 lines at QoS 1 all arrive, in order, exit 0.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { waitFor, xmqtt } from './support/xmqtt.js';

let broker: MosquittoBroker<'mqtt'>;
beforeAll(async () => {
  broker = await startMosquitto({ extraConfig: 'max_queued_messages 0\nmax_inflight_messages 0\n' });
});
afterAll(() => broker?.stop());

test('10,000 lines on stdin become 10,000 messages, in order', async () => {
  const port = String(broker.ports.mqtt);
  const lines = Array.from({ length: 10_000 }, (_, i) => `line ${i}`);
  const sub = xmqtt(['sub', '-h', '127.0.0.1', '-p', port, '-q', '1', '-t', 'cli/lines', '-C', '10000', '-d']);
  await waitFor(() => sub.stderr().includes('received SUBACK'));
  const pub = await xmqtt(['pub', '-h', '127.0.0.1', '-p', port, '-q', '1', '-t', 'cli/lines', '-l'], { stdin: `${lines.join('\n')}\n` }).done;
  expect(pub).toMatchObject({ code: 0, stderr: '' });
  const got = await sub.done;
  expect(got.code).toBe(0);
  expect(got.stdout.split('\n').slice(0, -1)).toEqual(lines);
});
