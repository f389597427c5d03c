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
const handlers = { onData() {}, onDrain() {}, onClose() {} };

test('an object of headers is sent with the upgrade request, next to sub-protocol mqtt', async () => {
  const connection = await wsTransport({ host: '127.0.0.1', port: server.port, headers: { 'X-Api-Key': 'k1' } }).connect(handlers);
  const request = server.requests.at(-1);
  expect(request?.url).toBe('/mqtt');
  expect(request?.headers['x-api-key']).toBe('k1');
  expect(request?.headers['sec-websocket-protocol']).toBe('mqtt');
  connection.destroy();
});

test('a headers function receives the default headers and what it returns is sent', async () => {
  let seen: Readonly<Record<string, string>> = {};
  const headers = (defaults: Readonly<Record<string, string>>): Record<string, string> => {
    seen = defaults;
    return { ...defaults, Authorization: 'Bearer t0ken', 'Sec-WebSocket-Protocol': 'mqtt, mqttv3.1' };
  };
  const connection = await wsTransport({ host: '127.0.0.1', port: server.port, path: '/custom', headers }).connect(handlers);
  expect(seen).toEqual({ Host: `127.0.0.1:${server.port}`, 'Sec-WebSocket-Protocol': 'mqtt' });
  const request = server.requests.at(-1);
  expect(request?.url).toBe('/custom');
  expect(request?.headers.authorization).toBe('Bearer t0ken');
  expect(request?.headers['sec-websocket-protocol']).toBe('mqtt,mqttv3.1');
  connection.destroy();
});
