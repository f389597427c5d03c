// Every error a user can cause prints one stderr line and exits non-zero: refused credentials (with
// the CONNACK reason), an unreachable broker, bad flag values, an unknown flag.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort, startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { xmqtt } from './support/xmqtt.js';

let broker: MosquittoBroker<'mqtt'>;
beforeAll(async () => {
  broker = await startMosquitto({ users: [{ username: 'alice', password: 's3cret' }] });
});
afterAll(() => broker?.stop());

const oneLine = /^xmqtt (pub|sub): [^\n]+\n$/;

test('a wrong password is refused: CONNECTION_REFUSED with the reason, exit 1', async () => {
  const got = await xmqtt(['pub', '-h', '127.0.0.1', '-p', String(broker.ports.mqtt), '-u', 'alice', '-P', 'wrong', '-t', 'a', '-m', 'x']).done;
  expect(got.code).toBe(1);
  expect(got.stderr).toMatch(oneLine);
  expect(got.stderr).toContain('CONNECTION_REFUSED');
  expect(got.stderr).not.toContain('wrong');
});

test('MQTT 5: the refusal carries the v5 reason code', async () => {
  const got = await xmqtt(['sub', '-V', '5', '-h', '127.0.0.1', '-p', String(broker.ports.mqtt), '-t', 'a']).done;
  expect(got.code).toBe(1);
  expect(got.stderr).toMatch(oneLine);
  expect(got.stderr).toMatch(/CONNECTION_REFUSED.*reason code 135/);
});

test('the right password is accepted', async () => {
  const got = await xmqtt(['pub', '-h', '127.0.0.1', '-p', String(broker.ports.mqtt), '-u', 'alice', '-P', 's3cret', '-t', 'a', '-m', 'x']).done;
  expect(got).toMatchObject({ code: 0, stderr: '' });
});

test('an unreachable broker: TRANSPORT_ERROR, exit 1', async () => {
  const got = await xmqtt(['pub', '-h', '127.0.0.1', '-p', String(await freePort()), '-t', 'a', '-m', 'x']).done;
  expect(got.code).toBe(1);
  expect(got.stderr).toMatch(oneLine);
  expect(got.stderr).toContain('TRANSPORT_ERROR');
});

test.each([
  [['pub', '-t', 'a', '-m', 'x', '-q', '3'], "xmqtt pub: -q: '3' is not an integer in 0..2\n"],
  [['pub', '-t', 'a', '-m', 'x', '-V', '4'], "xmqtt pub: -V: '4' is not 31, 311 or 5\n"],
  [['sub', '-t', 'a', '-C', 'many'], "xmqtt sub: -C: 'many' is not an integer in 1..9007199254740991\n"],
  [['pub', '-m', 'x'], 'xmqtt pub: -t TOPIC is required\n'],
  [['pub', '-t', 'a', '-m', 'x', '-D', 'publish', 'no-such', '1'], /^xmqtt pub: -D publish: 'no-such' is not a property/],
])('%j is a usage error: one line, exit 2', async (args, message) => {
  const got = await xmqtt(args).done;
  expect(got.code).toBe(2);
  if (typeof message === 'string') expect(got.stderr).toBe(message);
  else expect(got.stderr).toMatch(message);
});

test('an unknown flag: one line, exit 2', async () => {
  const got = await xmqtt(['sub', '-t', 'a', '--frobnicate']).done;
  expect(got.code).toBe(2);
  expect(got.stderr).toMatch(oneLine);
  expect(got.stderr).toContain('--frobnicate');
});
