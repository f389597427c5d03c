import { createServer, type Socket } from 'node:net';
import { writeUntilBlocked } from '@x/test-brokers';
import { afterAll, expect, test } from 'vitest';
import { tcpTransport } from '../src/index.js';

const peers: Socket[] = [];
const server = createServer((socket) => {
  socket.pause();
  peers.push(socket);
});
afterAll(async () => {
  for (const peer of peers) peer.destroy();
  await new Promise((resolve) => server.close(resolve));
});

test('writing blocks (false, no onDrain) while the peer does not read, and onDrain fires once it reads', async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  let drains = 0;
  const connection = await tcpTransport({ host: '127.0.0.1', port }).connect({ onData() {}, onDrain: () => (drains += 1), onClose() {} });
  await expect.poll(() => peers.length).toBe(1);
  await writeUntilBlocked(connection, () => drains);
  const blockedAt = drains;
  for (const peer of peers) peer.resume();
  await expect.poll(() => drains, { timeout: 5000 }).toBe(blockedAt + 1);
  connection.destroy();
}, 20_000);
