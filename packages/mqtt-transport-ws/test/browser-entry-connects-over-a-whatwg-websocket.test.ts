// Node 20 has no global WebSocket; the `ws` class implements the WHATWG interface the browser
// entry uses (binaryType, bufferedAmount, addEventListener), so it stands in for the browser's.
import { CONNACK_ACCEPTED, connectAndReadConnack, startMosquitto, writeUntilBlocked, type MosquittoBroker } from '@x/test-brokers';
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { wsTransport, type WebSocketConstructor } from '../src/browser.js';
import { startLocalWsServer, type LocalWsServer } from './local-ws-server.js';

const WhatwgWebSocket = WebSocket as unknown as WebSocketConstructor;
let broker: MosquittoBroker<'ws'>;
let paused: LocalWsServer;
beforeAll(async () => {
  [broker, paused] = await Promise.all([startMosquitto({ listeners: ['ws'] }), startLocalWsServer((peer) => peer.pause())]);
});
afterAll(async () => {
  await Promise.all([broker?.stop(), paused?.close()]);
});

test('the browser entry opens a WebSocket with sub-protocol mqtt and CONNECT gets a CONNACK from mosquitto', async () => {
  const exchange = await connectAndReadConnack(wsTransport({ host: '127.0.0.1', port: broker.ports.ws, WebSocket: WhatwgWebSocket }));
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  expect((exchange.connection as { raw?: WebSocket }).raw?.protocol).toBe('mqtt');
  expect(await exchange.disconnect()).toBeUndefined();
});

test('bufferedAmount over the high-water mark makes write return false; onDrain follows once the peer reads', async () => {
  let drains = 0;
  const transport = wsTransport({ host: '127.0.0.1', port: paused.port, WebSocket: WhatwgWebSocket, drainPollInterval: 5 });
  const connection = await transport.connect({ onData() {}, onDrain: () => (drains += 1), onClose() {} });
  await expect.poll(() => paused.peers.length).toBe(1);
  await writeUntilBlocked(connection, () => drains);
  const blockedAt = drains;
  for (const peer of paused.peers) peer.resume();
  await expect.poll(() => drains, { timeout: 5000 }).toBe(blockedAt + 1);
  connection.destroy();
}, 20_000);

test('options a browser cannot honour (headers, TLS files, proxy) are INVALID_ARGUMENT, not silently dropped', () => {
  const nodeShaped = { host: '127.0.0.1', headers: { 'X-A': '1' }, ca: 'ca.pem' } as unknown as Parameters<typeof wsTransport>[0];
  expect(() => wsTransport(nodeShaped)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
});

test.runIf(typeof globalThis.WebSocket === 'undefined')('without a WebSocket in the runtime, connect fails with INVALID_ARGUMENT', async () => {
  await expect(wsTransport({ host: '127.0.0.1', port: 1 }).connect({ onData() {}, onDrain() {}, onClose() {} })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
});
