// The browser entry's Client: `options.WebSocket` is the class it connects with (Node 20 has no
// global WebSocket; the `ws` class implements the WHATWG interface and stands in for a browser's),
// and TLS settings a browser cannot honour are refused instead of silently ignored.
import { MqttError } from '@x/mqtt-codec';
import WebSocket from 'ws';
import { afterAll, expect, test, vi } from 'vitest';
import { Client, MQTTv5, type MqttMessage, type WebSocketConstructor } from '../src/browser.js';
import { uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto({ listeners: ['ws'] });
const made: Client[] = [];
afterAll(async () => {
  await Promise.all(made.map((client) => client.disconnect().catch(() => undefined)));
});
function browserClient(options: ConstructorParameters<typeof Client>[0] = {}): Client {
  const client = new Client(options);
  made.push(client);
  return client;
}

/** A WebSocket class that records the URLs it is asked for and fails every opening. */
function recordingWebSocket(urls: string[]): WebSocketConstructor {
  return class extends EventTarget {
    binaryType = 'blob';
    constructor(url: string) {
      super();
      urls.push(url);
      queueMicrotask(() => this.dispatchEvent(new Event('error')));
    }
    close(): void {}
  } as unknown as WebSocketConstructor;
}

test('a Client given options.WebSocket connects with that class and round-trips QoS 1 through mosquitto', async () => {
  const client = browserClient({ protocol: MQTTv5, WebSocket: WebSocket as unknown as WebSocketConstructor });
  const topic = uniqueTopic('browser-websocket-option');
  const got: MqttMessage[] = [];
  client.onMessage = (_client, _userdata, message) => got.push(message);
  await client.connect(`ws://127.0.0.1:${env.broker.ports.ws}/mqtt`);
  await client.subscribe(topic, 1);
  await client.publish(topic, 'through the given WebSocket', 1);
  await expect.poll(() => got.map((message) => message.text())).toEqual(['through the given WebSocket']);
});

test('without options.WebSocket on a runtime that has none, connect() rejects with INVALID_ARGUMENT naming the option', async () => {
  vi.stubGlobal('WebSocket', undefined);
  try {
    const client = browserClient({ autoReconnect: false });
    await expect(client.connect(`ws://127.0.0.1:${env.broker.ports.ws}/mqtt`)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('WebSocket') });
  } finally {
    vi.unstubAllGlobals();
  }
});

test('tlsSet() without settings makes connect(host, port) open wss://', async () => {
  const urls: string[] = [];
  const client = browserClient({ autoReconnect: false, WebSocket: recordingWebSocket(urls) });
  client.tlsSet();
  await expect(client.connect('127.0.0.1', 8443)).rejects.toMatchObject({ code: 'TRANSPORT_ERROR' });
  expect(urls).toEqual(['wss://127.0.0.1:8443/mqtt']);
});

test('tlsSet with settings, tlsSetContext and tlsInsecureSet(true) are refused with INVALID_ARGUMENT', () => {
  const client = browserClient();
  const refusal = (call: () => void): unknown => {
    try {
      call();
    } catch (error) {
      return error;
    }
    return undefined;
  };
  const withCa = refusal(() => client.tlsSet({ ca: '-----BEGIN CERTIFICATE-----', ciphers: 'HIGH' }));
  expect(withCa).toBeInstanceOf(MqttError);
  expect(withCa).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('ca, ciphers') });
  expect(refusal(() => client.tlsSetContext({}))).toMatchObject({ code: 'INVALID_ARGUMENT' });
  client.tlsSet();
  expect(refusal(() => client.tlsInsecureSet(true))).toMatchObject({ code: 'INVALID_ARGUMENT' });
  expect(refusal(() => client.tlsInsecureSet(false))).toBeUndefined();
});
