import { createServer, type Socket } from 'node:net';
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

test('write returns false when the peer stops reading, and onDrain fires once it reads again', async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  let drains = 0;
  const drained = new Promise<void>((resolve) => {
    void tcpTransport({ host: '127.0.0.1', port })
      .connect({ onData() {}, onDrain: () => (drains += 1, resolve()), onClose() {} })
      .then(async (connection) => {
        const chunk = new Uint8Array(64 * 1024);
        let accepted = true;
        let written = 0;
        while (accepted && written < 256 * 1024 * 1024) {
          accepted = connection.write(chunk);
          written += chunk.length;
          if (accepted) await new Promise((r) => setImmediate(r));
        }
        expect(accepted).toBe(false);
        expect(drains).toBe(0);
        for (const peer of peers) peer.resume();
        await drained;
        connection.destroy();
      });
  });
  await drained;
  expect(drains).toBe(1);
}, 20_000);
