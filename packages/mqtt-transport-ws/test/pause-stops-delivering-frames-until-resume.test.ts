// In Node (the `ws` package) pause() stops reading frames until resume(), which delivers what
// waited, in order.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { wsTransport } from '../src/index.js';
import { startLocalWsServer, type LocalWsServer } from './local-ws-server.js';

let server: LocalWsServer;
beforeAll(async () => {
  server = await startLocalWsServer();
});
afterAll(async () => {
  await server?.close();
});

test('frames sent while paused arrive only after resume()', async () => {
  const received: number[] = [];
  const connection = await wsTransport({ host: '127.0.0.1', port: server.port }).connect({ onData: (b) => received.push(...b), onDrain() {}, onClose() {} });
  await expect.poll(() => server.peers.length).toBeGreaterThan(0);
  connection.pause?.();
  server.peers.at(-1)?.send(Buffer.from([1, 2]), { binary: true });
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(received).toEqual([]);
  connection.resume?.();
  await expect.poll(() => received).toEqual([1, 2]);
  connection.destroy();
});
