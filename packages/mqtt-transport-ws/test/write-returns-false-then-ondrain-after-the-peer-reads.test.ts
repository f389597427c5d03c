import { writeUntilBlocked } from '@x/test-brokers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { wsTransport } from '../src/index.js';
import { startLocalWsServer, type LocalWsServer } from './local-ws-server.js';

let server: LocalWsServer;
beforeAll(async () => {
  server = await startLocalWsServer((peer) => peer.pause());
});
afterAll(async () => {
  await server?.close();
});

test('writing blocks (false, no onDrain) while the peer does not read, and onDrain fires once it reads', async () => {
  let drains = 0;
  const connection = await wsTransport({ host: '127.0.0.1', port: server.port }).connect({ onData() {}, onDrain: () => (drains += 1), onClose() {} });
  await expect.poll(() => server.peers.length).toBe(1);
  await writeUntilBlocked(connection, () => drains);
  const blockedAt = drains;
  for (const peer of server.peers) peer.resume();
  await expect.poll(() => drains, { timeout: 5000 }).toBe(blockedAt + 1);
  connection.destroy();
}, 20_000);
