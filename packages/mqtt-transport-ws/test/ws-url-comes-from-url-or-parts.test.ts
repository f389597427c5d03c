import { expect, test } from 'vitest';
import { resolveWsUrl, subprotocolFor } from '../src/index.js';

test('host, port and the default path /mqtt make a ws:// URL; secure makes wss://', () => {
  expect(resolveWsUrl({ host: 'broker.example', port: 8080 }).href).toBe('ws://broker.example:8080/mqtt');
  expect(resolveWsUrl({ host: 'broker.example', secure: true, path: 'ws' }).href).toBe('wss://broker.example/ws');
});

test('an IPv6 host is bracketed', () => {
  expect(resolveWsUrl({ host: '::1', port: 9001 }).href).toBe('ws://[::1]:9001/mqtt');
});

test('a URL is used as given, and one that is not ws(s) is INVALID_ARGUMENT', () => {
  expect(resolveWsUrl({ url: 'wss://b.example:443/x?y=1', host: 'ignored' }).href).toBe('wss://b.example/x?y=1');
  expect(() => resolveWsUrl({ url: 'mqtt://b.example' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  expect(() => resolveWsUrl({})).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
});

test('the sub-protocol is mqttv3.1 for MQTT 3.1 and mqtt otherwise', () => {
  expect(subprotocolFor(3)).toBe('mqttv3.1');
  expect(subprotocolFor(4)).toBe('mqtt');
  expect(subprotocolFor(5)).toBe('mqtt');
  expect(subprotocolFor(undefined)).toBe('mqtt');
});
