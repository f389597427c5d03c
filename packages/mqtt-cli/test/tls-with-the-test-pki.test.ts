// xmqtt over TLS with the test PKI: --cafile verifies mosquitto's certificate, --cert/--key do mutual
// TLS, an unknown CA is refused with one stderr line, and a missing file is a usage error (exit 2).
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { waitFor, xmqtt } from './support/xmqtt.js';

let broker: MosquittoBroker<'mqtts' | 'mqttsMutual'>;
beforeAll(async () => {
  broker = await startMosquitto({ listeners: ['mqtts', 'mqttsMutual'] });
});
afterAll(() => broker?.stop());

test('--cafile: pub -> sub over mqtts round-trips', async () => {
  const ca = broker.certs!.ca.certFile;
  const port = String(broker.ports.mqtts);
  const sub = xmqtt(['sub', '-h', 'localhost', '-p', port, '--cafile', ca, '-t', 'cli/tls', '-C', '1', '-d']);
  await waitFor(() => sub.stderr().includes('received SUBACK') || sub.child.exitCode !== null);
  expect((await xmqtt(['pub', '-h', 'localhost', '-p', port, '--cafile', ca, '-q', '1', '-t', 'cli/tls', '-m', 'secret']).done).code).toBe(0);
  expect(await sub.done).toMatchObject({ code: 0, stdout: 'secret\n' });
});

test('--cert/--key: a client certificate passes the mutual-TLS listener', async () => {
  const { ca, client } = broker.certs!;
  const got = await xmqtt(['pub', '-L', `mqtts://localhost:${broker.ports.mqttsMutual}/cli/mutual`, '--cafile', ca.certFile, '--cert', client.certFile, '--key', client.keyFile, '-m', 'x']).done;
  expect(got).toMatchObject({ code: 0, stderr: '' });
});

test('a CA that did not sign the broker certificate: one TLS_ERROR line, exit 1', async () => {
  const got = await xmqtt(['pub', '-h', 'localhost', '-p', String(broker.ports.mqtts), '--cafile', broker.certs!.otherCa.certFile, '-t', 'cli/tls', '-m', 'x']).done;
  expect(got.code).toBe(1);
  expect(got.stderr).toMatch(/^xmqtt pub: TLS_ERROR: .+\n$/);
});

test('a --cafile that does not exist: one line, exit 2', async () => {
  const got = await xmqtt(['pub', '-p', String(broker.ports.mqtts), '--cafile', join(broker.dir, 'missing.pem'), '-t', 'cli/tls', '-m', 'x']).done;
  expect(got).toMatchObject({ code: 2, stderr: `xmqtt pub: --cafile: cannot read ${join(broker.dir, 'missing.pem')}: ENOENT\n` });
});
