import { afterAll, beforeAll, expect, test } from 'vitest';
import { wsTransport } from '../src/index.js';
import { startLocalWsServer, type LocalWsServer } from './local-ws-server.js';

// A WebSocket frame may carry several MQTT packets [MQTT-6.0.0-2]: what one task writes leaves as
// one binary message (one frame, one mask, one send), in order; later writes make a new one.
let server: LocalWsServer;
beforeAll(async () => {
  server = await startLocalWsServer();
});
afterAll(async () => {
  await server?.close();
});

test('three packets written together are one message with all their bytes in order', async () => {
  const connection = await wsTransport({ host: '127.0.0.1', port: server.port }).connect({ onData() {}, onDrain() {}, onClose() {} });
  const before = server.received.length;
  const slab = Uint8Array.of(0xc0, 0x00, 0xc0, 0x00);
  expect(connection.write(slab.subarray(0, 2))).toBe(true);
  expect(connection.write(slab.subarray(2, 4))).toBe(true);
  expect(connection.write(Uint8Array.of(0xe0, 0x00))).toBe(true);
  await expect.poll(() => server.received.length).toBe(before + 1);
  expect(server.received[before]).toEqual({ data: Buffer.from([0xc0, 0x00, 0xc0, 0x00, 0xe0, 0x00]), isBinary: true });
  await new Promise((resolve) => setTimeout(resolve, 20));
  connection.write(Uint8Array.of(0xc0, 0x00));
  await expect.poll(() => server.received.length).toBe(before + 2);
  connection.destroy();
});
