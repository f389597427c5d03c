// Issue 13.11: what a JavaScript caller can get wrong is refused with an MqttError and a code,
// never a TypeError. Methods that return a Promise reject; the others throw at the call.
// No broker: every call here is refused before any I/O.
import { describe, expect, it } from 'vitest';
import { Client, MqttError, MQTTv5 } from '../src/index.js';

/** A client seen as plain JavaScript sees it: any method, any arguments. */
type Loose = { readonly [K in keyof Client]-?: (...args: unknown[]) => unknown };

const cb = (): void => undefined;

/** [what, the call, the code it must fail with]. A fresh client per row. */
const SYNC: ReadonlyArray<readonly [string, (c: Loose) => unknown, string]> = [
  ['new Client(null)', () => new Client(null as never), 'INVALID_ARGUMENT'],
  ['new Client(42)', () => new Client(42 as never), 'INVALID_ARGUMENT'],
  ["new Client('id')", () => new Client('id' as never), 'INVALID_ARGUMENT'],
  ['new Client({ clientId: 42 })', () => new Client({ clientId: 42 } as never), 'INVALID_ARGUMENT'],
  ["new Client({ cleanSession: 'yes' })", () => new Client({ cleanSession: 'yes' } as never), 'INVALID_ARGUMENT'],
  ['new Client({ protocol: 6 })', () => new Client({ protocol: 6 } as never), 'INVALID_ARGUMENT'],
  ["new Client({ servers: 'mqtt://h' })", () => new Client({ servers: 'mqtt://h' } as never), 'INVALID_ARGUMENT'],
  ['new Client({ servers: [null] })', () => new Client({ servers: [null] } as never), 'INVALID_ARGUMENT'],
  ["new Client({ keepalive: '60' })", () => new Client({ keepalive: '60' } as never), 'INVALID_ARGUMENT'],
  ['new Client({ keepalive: 70000 })', () => new Client({ keepalive: 70000 }), 'INVALID_ARGUMENT'],
  ['new Client({ connectTimeout: 0 })', () => new Client({ connectTimeout: 0 }), 'INVALID_ARGUMENT'],
  ['new Client({ properties: 42 })', () => new Client({ protocol: MQTTv5, properties: 42 } as never), 'INVALID_ARGUMENT'],
  ['new Client({ sessionStore: {} })', () => new Client({ sessionStore: {} } as never), 'INVALID_ARGUMENT'],
  ["new Client({ authenticator: 'x' })", () => new Client({ authenticator: 'x' } as never), 'INVALID_ARGUMENT'],
  ["new Client({ authenticator: { start: 'x' } })", () => new Client({ authenticator: { method: 'M', challenge: cb, start: 'x' } } as never), 'INVALID_ARGUMENT'],
  ['new Client({ authenticator: { complete: 1 } })', () => new Client({ authenticator: { method: 'M', challenge: cb, complete: 1 } } as never), 'INVALID_ARGUMENT'],
  ['new Client({ autoReconnect: 1 })', () => new Client({ autoReconnect: 1 } as never), 'INVALID_ARGUMENT'],
  ['new Client({ topicAliasMaximum: -1 })', () => new Client({ topicAliasMaximum: -1 }), 'INVALID_ARGUMENT'],
  ["new Client({ autoTopicAlias: 'no' })", () => new Client({ autoTopicAlias: 'no' } as never), 'INVALID_ARGUMENT'],
  ['new Client({ maximumPacketSize: 0 })', () => new Client({ maximumPacketSize: 0 }), 'INVALID_ARGUMENT'],
  ['new Client({ suppressExceptions: 1 })', () => new Client({ suppressExceptions: 1 } as never), 'INVALID_ARGUMENT'],
  ['new Client({ username: 42 })', () => new Client({ username: 42 } as never), 'INVALID_ARGUMENT'],
  ['new Client({ password: 42 })', () => new Client({ username: 'u', password: 42 } as never), 'INVALID_ARGUMENT'],
  ["new Client({ will: 'x' })", () => new Client({ will: 'x' } as never), 'INVALID_ARGUMENT'],
  ['new Client({ will: { topic: 42 } })', () => new Client({ will: { topic: 42 } } as never), 'INVALID_TOPIC'],
  ["new Client({ tls: 'yes' })", () => new Client({ tls: 'yes' } as never), 'INVALID_ARGUMENT'],
  ['new Client({ ws: 42 })', () => new Client({ ws: 42 } as never), 'INVALID_ARGUMENT'],
  ['reinitialise(null)', (c) => c.reinitialise(null), 'INVALID_ARGUMENT'],
  ["reinitialise({ transport: 'udp' })", (c) => c.reinitialise({ transport: 'udp' }), 'INVALID_ARGUMENT'],
  ["maxInflightMessagesSet('5')", (c) => c.maxInflightMessagesSet('5'), 'INVALID_ARGUMENT'],
  ['maxQueuedMessagesSet(null)', (c) => c.maxQueuedMessagesSet(null), 'INVALID_ARGUMENT'],
  ['messageRetrySet(Symbol())', (c) => c.messageRetrySet(Symbol('s')), 'INVALID_ARGUMENT'],
  ["messageRetrySet('5')", (c) => c.messageRetrySet('5'), 'INVALID_ARGUMENT'],
  ['wsSetOptions(null)', (c) => c.wsSetOptions(null), 'INVALID_ARGUMENT'],
  ['wsSetOptions(42)', (c) => c.wsSetOptions(42), 'INVALID_ARGUMENT'],
  ['wsSetOptions({ path: 42 })', (c) => c.wsSetOptions({ path: 42 }), 'INVALID_ARGUMENT'],
  ["wsSetOptions({ headers: 'x' })", (c) => c.wsSetOptions({ headers: 'x' }), 'INVALID_ARGUMENT'],
  ["wsSetOptions({ paht: '/x' })", (c) => c.wsSetOptions({ paht: '/x' }), 'INVALID_ARGUMENT'],
  ['tlsSet(null)', (c) => c.tlsSet(null), 'INVALID_ARGUMENT'],
  ["tlsSet('ca.pem')", (c) => c.tlsSet('ca.pem'), 'INVALID_ARGUMENT'],
  ['tlsSet({ ca: 42 })', (c) => c.tlsSet({ ca: 42 }), 'INVALID_ARGUMENT'],
  ['tlsSet({ verify: true })', (c) => c.tlsSet({ verify: true }), 'INVALID_ARGUMENT'],
  ["tlsSet({ minVersion: 'SSLv3' })", (c) => c.tlsSet({ minVersion: 'SSLv3' }), 'INVALID_ARGUMENT'],
  ['tlsSetContext(null)', (c) => c.tlsSetContext(null), 'INVALID_ARGUMENT'],
  ["tlsSetContext('ctx')", (c) => c.tlsSetContext('ctx'), 'INVALID_ARGUMENT'],
  [
    "tlsInsecureSet('yes')",
    (c) => {
      c.tlsSet({});
      c.tlsInsecureSet('yes');
    },
    'INVALID_ARGUMENT',
  ],
  ['proxySet(null)', (c) => c.proxySet(null), 'INVALID_ARGUMENT'],
  ["proxySet({ type: 'socks4' })", (c) => c.proxySet({ type: 'socks4', host: 'h' }), 'INVALID_ARGUMENT'],
  ["proxySet({ type: 'http', port: 0 })", (c) => c.proxySet({ type: 'http', host: 'h', port: 0 }), 'INVALID_ARGUMENT'],
  ['usernamePwSet(42)', (c) => c.usernamePwSet(42), 'INVALID_ARGUMENT'],
  ["usernamePwSet('u', 42)", (c) => c.usernamePwSet('u', 42), 'INVALID_ARGUMENT'],
  ['willSet(42)', (c) => c.willSet(42), 'INVALID_TOPIC'],
  ["willSet('t', {})", (c) => c.willSet('t', {}), 'INVALID_ARGUMENT'],
  ["willSet('t', 'x', 0, 'yes')", (c) => c.willSet('t', 'x', 0, 'yes'), 'INVALID_ARGUMENT'],
  ["willSet('t', 'x', 0, false, 42)", (c) => c.willSet('t', 'x', 0, false, 42), 'INVALID_ARGUMENT'],
  ['reconnectDelaySet(null)', (c) => c.reconnectDelaySet(null), 'INVALID_ARGUMENT'],
  ["reconnectDelaySet('1', 2)", (c) => c.reconnectDelaySet('1', 2), 'INVALID_ARGUMENT'],
  ["reconnectDelaySet({ minDelay: 'x' })", (c) => c.reconnectDelaySet({ minDelay: 'x' }), 'INVALID_ARGUMENT'],
  ['enableLogger(42)', (c) => c.enableLogger(42), 'INVALID_ARGUMENT'],
  ['enableLogger({})', (c) => c.enableLogger({}), 'INVALID_ARGUMENT'],
  ['connectAsync(42)', (c) => c.connectAsync(42), 'INVALID_ARGUMENT'],
  ['connectAsync(null)', (c) => c.connectAsync(null), 'INVALID_ARGUMENT'],
  ['connectAsync([null])', (c) => c.connectAsync([null]), 'INVALID_ARGUMENT'],
  ["connectAsync('')", (c) => c.connectAsync(''), 'INVALID_ARGUMENT'],
  ["connectAsync('h', 0)", (c) => c.connectAsync('h', 0), 'INVALID_ARGUMENT'],
  ["connectAsync('h', 1883, 60, '', null)", (c) => c.connectAsync('h', 1883, 60, '', null), 'INVALID_ARGUMENT'],
  ["publish(42, 'x')", (c) => c.publish(42, 'x'), 'INVALID_TOPIC'],
  ["publish('t', {})", (c) => c.publish('t', {}), 'INVALID_ARGUMENT'],
  ["publish('t', 'x', 0, 'yes')", (c) => c.publish('t', 'x', 0, 'yes'), 'INVALID_ARGUMENT'],
  ["publish('t', 'x', 0, false, 42)", (c) => c.publish('t', 'x', 0, false, 42), 'INVALID_ARGUMENT'],
  ['subscribe(null)', (c) => c.subscribe(null), 'INVALID_ARGUMENT'],
  ["subscribe('a', 'x')", (c) => c.subscribe('a', 'x'), 'INVALID_QOS'],
  ["subscribe('a', 0, 42)", (c) => c.subscribe('a', 0, 42), 'INVALID_ARGUMENT'],
  ["subscribe('a', 0, undefined, null)", (c) => c.subscribe('a', 0, undefined, null), 'INVALID_ARGUMENT'],
  ["subscribe('a/#/b')", (c) => c.subscribe('a/#/b'), 'INVALID_TOPIC'],
  ['unsubscribe(null)', (c) => c.unsubscribe(null), 'INVALID_ARGUMENT'],
  ['unsubscribe(42)', (c) => c.unsubscribe(42), 'INVALID_ARGUMENT'],
  ['unsubscribe({})', (c) => c.unsubscribe({}), 'INVALID_ARGUMENT'],
  ['unsubscribe([42])', (c) => c.unsubscribe([42]), 'INVALID_TOPIC'],
  ["unsubscribe('a/#/b')", (c) => c.unsubscribe('a/#/b'), 'INVALID_TOPIC'],
  ["unsubscribe('a', 42)", (c) => c.unsubscribe('a', 42), 'INVALID_ARGUMENT'],
  ["unsubscribe('a', undefined, null)", (c) => c.unsubscribe('a', undefined, null), 'INVALID_ARGUMENT'],
  ["messageCallbackAdd('a/#/b', cb)", (c) => c.messageCallbackAdd('a/#/b', cb), 'INVALID_TOPIC'],
  ['messageCallbackAdd(42, cb)', (c) => c.messageCallbackAdd(42, cb), 'INVALID_TOPIC'],
  ["messageCallbackAdd('a', 'cb')", (c) => c.messageCallbackAdd('a', 'cb'), 'INVALID_ARGUMENT'],
  ["messageCallbackRemove('a/#/b')", (c) => c.messageCallbackRemove('a/#/b'), 'INVALID_TOPIC'],
  ['messageCallbackRemove(null)', (c) => c.messageCallbackRemove(null), 'INVALID_TOPIC'],
  ["messages('#', null)", (c) => c.messages('#', null), 'INVALID_ARGUMENT'],
  ['messages(42)', (c) => c.messages(42), 'INVALID_TOPIC'],
  ["messages('a/#/b')", (c) => c.messages('a/#/b'), 'INVALID_TOPIC'],
  ["messages('#', { bufferSize: 0 })", (c) => c.messages('#', { bufferSize: 0 }), 'INVALID_ARGUMENT'],
  ["messages('#', { signal: 1 })", (c) => c.messages('#', { signal: 1 }), 'INVALID_ARGUMENT'],
];

const ASYNC: ReadonlyArray<readonly [string, (c: Loose) => unknown, string]> = [
  ['connect(42)', (c) => c.connect(42), 'INVALID_ARGUMENT'],
  ['connect(null)', (c) => c.connect(null), 'INVALID_ARGUMENT'],
  ['connect([null])', (c) => c.connect([null]), 'INVALID_ARGUMENT'],
  ['connect([])', (c) => c.connect([]), 'INVALID_ARGUMENT'],
  ["connect('')", (c) => c.connect(''), 'INVALID_ARGUMENT'],
  ["connect('h', 0)", (c) => c.connect('h', 0), 'INVALID_ARGUMENT'],
  ["connect('h', 65536)", (c) => c.connect('h', 65536), 'INVALID_ARGUMENT'],
  ["connect('h', '1883')", (c) => c.connect('h', '1883'), 'INVALID_ARGUMENT'],
  ["connect('h', 1883, '60')", (c) => c.connect('h', 1883, '60'), 'INVALID_ARGUMENT'],
  ["connect('h', 1883, 60, 42)", (c) => c.connect('h', 1883, 60, 42), 'INVALID_ARGUMENT'],
  ["connect('h', 1883, 60, '', { signal: 42 })", (c) => c.connect('h', 1883, 60, '', { signal: 42 }), 'INVALID_ARGUMENT'],
  ["connect('mqtt://h:0')", (c) => c.connect('mqtt://h:0'), 'INVALID_ARGUMENT'],
  ['connect([{ host: "h", port: 70000 }])', (c) => c.connect([{ host: 'h', port: 70000 }]), 'INVALID_ARGUMENT'],
  ['connectSrv(42)', (c) => c.connectSrv(42), 'INVALID_ARGUMENT'],
  ["connectSrv('d', '60')", (c) => c.connectSrv('d', '60'), 'INVALID_ARGUMENT'],
  ['reconnect(null)', (c) => c.reconnect(null), 'INVALID_ARGUMENT'],
  ["reconnect({ signal: 'x' })", (c) => c.reconnect({ signal: 'x' }), 'INVALID_ARGUMENT'],
  ["disconnect('x')", (c) => c.disconnect('x'), 'INVALID_ARGUMENT'],
  ['disconnect(256)', (c) => c.disconnect(256), 'INVALID_ARGUMENT'],
  ['disconnect(0x84)', (c) => c.disconnect(0x84), 'INVALID_ARGUMENT'],
  ["disconnect({ flush: 'yes' })", (c) => c.disconnect({ flush: 'yes' }), 'INVALID_ARGUMENT'],
  ['disconnect({ timeoutMs: -1 })', (c) => c.disconnect({ timeoutMs: -1 }), 'INVALID_ARGUMENT'],
  ['loopForever(null)', (c) => c.loopForever(null), 'INVALID_ARGUMENT'],
  ["loopForever({ retryFirstConnection: 'yes' })", (c) => c.loopForever({ retryFirstConnection: 'yes' }), 'INVALID_ARGUMENT'],
  ["loop('1')", (c) => c.loop('1'), 'INVALID_ARGUMENT'],
  ['reauthenticate(null)', (c) => c.reauthenticate(null), 'INVALID_ARGUMENT'],
  ["reauthenticate({ data: 'x' })", (c) => c.reauthenticate({ data: 'x' }), 'INVALID_ARGUMENT'],
  ['reauthenticate({ timeoutMs: -1 })', (c) => c.reauthenticate({ timeoutMs: -1 }), 'INVALID_ARGUMENT'],
  ["reauthenticate({ signal: 'x' })", (c) => c.reauthenticate({ signal: 'x' }), 'INVALID_ARGUMENT'],
  ['reauthenticate({ dat: new Uint8Array() })', (c) => c.reauthenticate({ dat: new Uint8Array() }), 'INVALID_ARGUMENT'],
  ['reauthenticate() on MQTT 3.1.1', (c) => c.reauthenticate(), 'INVALID_STATE'],
];

describe('methods that return at once throw an MqttError at the call', () => {
  it.each(SYNC)('%s', (_name, call, code) => {
    let thrown: unknown;
    try {
      call(new Client() as unknown as Loose);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MqttError);
    expect(thrown).toMatchObject({ code });
  });
});

describe('methods that return a Promise reject with an MqttError (and never throw at the call)', () => {
  it.each(ASYNC)('%s', async (_name, call, code) => {
    let result: unknown;
    expect(() => (result = call(new Client({ autoReconnect: false }) as unknown as Loose))).not.toThrow();
    const error: unknown = await (result as Promise<unknown>).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MqttError);
    expect(error).toMatchObject({ code });
  });
});
