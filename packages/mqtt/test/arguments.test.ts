import { describe, expect, it } from 'vitest';
import { Client, MQTTv5, MQTTv311, errorString, parseBrokerUrl, MQTT_ERR_QUEUE_SIZE } from '../src/index.js';

describe('publish, subscribe and the constructor validate arguments as the seed does', () => {
  const client = new Client();
  it('publish refuses an empty topic, a wildcard topic and QoS 3', () => {
    expect(() => client.publish('', 'x')).toThrow(expect.objectContaining({ code: 'INVALID_TOPIC' }));
    expect(() => client.publish('a/+', 'x')).toThrow(expect.objectContaining({ code: 'INVALID_TOPIC' }));
    // @ts-expect-error QoS 3 does not type-check; plain JavaScript callers get INVALID_QOS at run time
    expect(() => client.publish('a', 'x', 3)).toThrow(expect.objectContaining({ code: 'INVALID_QOS' }));
  });
  it('subscribe refuses an empty filter, QoS 3 and a non-string', () => {
    expect(() => client.subscribe('', 0)).toThrow(expect.objectContaining({ code: 'INVALID_TOPIC' }));
    expect(() => client.subscribe('a', 3 as 0)).toThrow(expect.objectContaining({ code: 'INVALID_QOS' }));
    expect(() => client.subscribe(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
  it('a persistent session needs a client id', () => {
    expect(() => new Client({ cleanSession: false })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(new Client({ cleanSession: false, clientId: 'me' }).clientId).toBe('me');
  });
  it('an empty client id is replaced by a random one', () => {
    const a = new Client().clientId;
    const b = new Client({ protocol: MQTTv5 }).clientId;
    expect(a).toMatch(/^x-mqtt-[0-9a-z]{16}$/);
    expect(a).not.toBe(b);
  });
  it('tlsInsecureSet before tlsSet is refused', () => {
    expect(() => new Client().tlsInsecureSet(true)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  });
});

describe('broker URLs map to transports', () => {
  it.each([
    ['mqtt://h', { kind: 'tcp', host: 'h', port: 1883 }],
    ['mqtts://h', { kind: 'tls', host: 'h', port: 8883 }],
    ['ws://h:9001', { kind: 'ws', host: 'h', port: 9001, path: '/mqtt' }],
    ['wss://h/custom', { kind: 'wss', host: 'h', port: 443, path: '/custom' }],
    ['mqtt://u:p%40ss@[::1]:1884', { kind: 'tcp', host: '::1', port: 1884, username: 'u', password: 'p@ss' }],
  ])('%s', (url, expected) => {
    expect(parseBrokerUrl(url)).toEqual(expected);
  });
  it('refuses an unknown scheme', () => {
    expect(() => parseBrokerUrl('http://h')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

it('errorString gives the seed text', () => {
  expect(errorString(MQTT_ERR_QUEUE_SIZE)).toBe('Message queue full.');
  expect(errorString(999)).toBe('Unknown error.');
});

it('MQTT 5 properties are a compile error on a client created with protocol 3.1.1, and fine on a v5 one', () => {
  const v311 = new Client({ protocol: MQTTv311 });
  const v5 = new Client({ protocol: MQTTv5 });
  // @ts-expect-error properties need protocol: MQTTv5
  expect(() => v311.publish('a', 'x', 0, false, { contentType: 'text/plain' })).not.toThrow();
  expect(() => v5.publish('a', 'x', 0, false, { contentType: 'text/plain' })).not.toThrow();
  // @ts-expect-error CONNECT properties too
  expect(new Client({ protocol: 4, properties: { sessionExpiryInterval: 1 } }).protocol).toBe(4);
});

it('a publish from untyped JavaScript with no topic gets INVALID_TOPIC, not a TypeError', () => {
  expect(() => new Client().publish(undefined as unknown as string, 'x')).toThrow(expect.objectContaining({ code: 'INVALID_TOPIC' }));
});
