import { createServer, type TLSSocket } from 'node:tls';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki, writeUntilBlocked, type TestPki } from '@x/test-brokers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tlsTransport } from '../src/index.js';

let dir: string;
let pki: TestPki;
const peers: TLSSocket[] = [];
let server: ReturnType<typeof createServer>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'x-mqtt-tls-'));
  pki = await makeTestPki(dir);
  server = createServer({ cert: pki.server.cert, key: pki.server.key }, (socket) => {
    socket.pause();
    peers.push(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const peer of peers) peer.destroy();
  await new Promise((resolve) => server?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

test('over TLS, writing blocks (false, no onDrain) while the peer does not read, and onDrain fires once it reads', async () => {
  const { port } = server.address() as { port: number };
  let drains = 0;
  const connection = await tlsTransport({ host: '127.0.0.1', port, ca: pki.ca.cert }).connect({ onData() {}, onDrain: () => (drains += 1), onClose() {} });
  await expect.poll(() => peers.length).toBe(1);
  await writeUntilBlocked(connection, () => drains);
  const blockedAt = drains;
  for (const peer of peers) peer.resume();
  await expect.poll(() => drains, { timeout: 5000 }).toBe(blockedAt + 1);
  connection.destroy();
}, 20_000);
