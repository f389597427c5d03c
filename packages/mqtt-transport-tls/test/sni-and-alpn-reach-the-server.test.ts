import { createServer, type TLSSocket } from 'node:tls';
import { makeTestPki, type TestPki } from '@x/test-brokers';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tlsTransport } from '../src/index.js';
import { noHandlers } from './shared-broker.js';

let dir: string;
let pki: TestPki;
const seen: Array<{ servername: string | false; alpn: string | false | null }> = [];
let server: ReturnType<typeof createServer>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'x-mqtt-tls-'));
  pki = await makeTestPki(dir);
  server = createServer({ cert: pki.server.cert, key: pki.server.key, ALPNProtocols: ['mqtt'] }, (socket: TLSSocket) => {
    seen.push({ servername: (socket as TLSSocket & { servername: string | false }).servername, alpn: socket.alpnProtocol });
    socket.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

test('the host name is sent as SNI and the ALPN protocol is negotiated', async () => {
  const { port } = server.address() as { port: number };
  const connection = await tlsTransport({ host: 'localhost', port, ca: pki.ca.cert, alpnProtocols: ['mqtt'] }).connect(noHandlers);
  await expect.poll(() => seen.length).toBe(1);
  expect(seen[0]).toEqual({ servername: 'localhost', alpn: 'mqtt' });
  expect((connection.raw as TLSSocket).alpnProtocol).toBe('mqtt');
  connection.destroy();
});

test('no SNI is sent when the host is an IP address', async () => {
  const { port } = server.address() as { port: number };
  const connection = await tlsTransport({ host: '127.0.0.1', port, ca: pki.ca.cert }).connect(noHandlers);
  await expect.poll(() => seen.length).toBe(2);
  expect(seen[1]?.servername).toBe(false);
  connection.destroy();
});
