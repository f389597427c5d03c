// -d prints each packet sent and received on stderr, and never the password.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { xmqtt } from './support/xmqtt.js';

let broker: MosquittoBroker<'mqtt'>;
beforeAll(async () => {
  broker = await startMosquitto({ users: [{ username: 'bob', password: 'hunter2-pw' }] });
});
afterAll(() => broker?.stop());

test('pub -d -q 1 shows CONNECT, CONNACK, PUBLISH, its ack and DISCONNECT; the password nowhere', async () => {
  const got = await xmqtt(['pub', '-d', '-h', '127.0.0.1', '-p', String(broker.ports.mqtt), '-u', 'bob', '-P', 'hunter2-pw', '-q', '1', '-t', 'cli/debug', '-m', 'hi']).done;
  expect(got.code).toBe(0);
  const kinds = got.stderr.split('\n').filter(Boolean).map((line) => /(sending|received) ([A-Z]+)/.exec(line)?.[0]);
  expect(kinds).toEqual(['sending CONNECT', 'received CONNACK', 'sending PUBLISH', 'received PUBACK', 'sending DISCONNECT']);
  expect(got.stderr).toContain('u1, p1');
  expect(got.stderr + got.stdout).not.toContain('hunter2-pw');
});

test('a URL with user:password@ is masked too', async () => {
  const got = await xmqtt(['pub', '-d', '-L', `mqtt://bob:hunter2-pw@127.0.0.1:${broker.ports.mqtt}/cli/debug`, '-m', 'hi']).done;
  expect(got.code).toBe(0);
  expect(got.stderr).toContain('sending PUBLISH');
  expect(got.stderr).not.toContain('hunter2-pw');
});
