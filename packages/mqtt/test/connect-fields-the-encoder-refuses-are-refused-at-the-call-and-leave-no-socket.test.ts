// Issue 11.7: a CONNECT field the encoder refuses (a lone surrogate or U+0000, over 65,535 bytes,
// an unknown or misplaced v5 property) is refused where it is given, with the codec's typed error,
// and changes nothing; and if a CONNECT still cannot be built, the engine closes the socket and
// goes back to idle instead of staying "connecting".
import { describe, expect, it } from 'vitest';
import { MqttEngine } from '@x/mqtt-core';
import { tcpTransport } from '@x/mqtt-transport-tcp';
import { Client, MQTTv5, MQTTv311 } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';

const bob = { username: 'bob', password: 'builder' };
const env = useMosquitto({ users: [bob] });

const LONG = 'x'.repeat(65_536);
const code = (c: string) => expect.objectContaining({ code: c });

describe('refused at the call, with the codec\'s code', () => {
  it.each([
    ['a client id with a lone surrogate', () => new Client({ clientId: 'a\ud800b' }), 'INVALID_UTF8'],
    ['a client id with U+0000', () => new Client({ clientId: 'a\u0000b' }), 'INVALID_UTF8'],
    ['a client id over 65,535 bytes', () => new Client({ clientId: LONG }), 'INVALID_PACKET'],
    ['a username with a lone surrogate', () => new Client().usernamePwSet('u\udc00'), 'INVALID_UTF8'],
    ['a username over 65,535 bytes', () => new Client().usernamePwSet(LONG), 'INVALID_PACKET'],
    ['a password over 65,535 bytes', () => new Client().usernamePwSet('u', new Uint8Array(65_536)), 'INVALID_PACKET'],
    ['a password without a username before MQTT 5', () => new Client({ protocol: MQTTv311, password: 'pw' }), 'INVALID_PACKET'],
    ['a will topic with a lone surrogate', () => new Client().willSet('w\ud800', 'x'), 'INVALID_UTF8'],
    ['a will topic with U+0000', () => new Client().willSet('w\u0000', 'x'), 'INVALID_UTF8'],
    ['a will topic over 65,535 bytes', () => new Client().willSet(LONG, 'x'), 'INVALID_PACKET'],
    ['a will payload over 65,535 bytes', () => new Client().willSet('w', new Uint8Array(65_536)), 'INVALID_PACKET'],
    ['a will in the constructor with a bad topic', () => new Client({ will: { topic: 'w\ud800' } }), 'INVALID_UTF8'],
    ['an unknown v5 CONNECT property', () => new Client({ protocol: MQTTv5, properties: { bogus: 1 } as never }), 'INVALID_PROPERTY'],
    ['a v5 property not allowed on CONNECT', () => new Client({ protocol: MQTTv5, properties: { topicAlias: 1 } }), 'INVALID_PROPERTY'],
    ['an unknown v5 will property', () => new Client({ protocol: MQTTv5 }).willSet('w', 'x', 0, false, { bogus: 1 } as never), 'INVALID_PROPERTY'],
  ])('%s', (_what, call, expected) => {
    expect(call).toThrow(code(expected));
  });

  it('connect() with a bad CONNECT property or URL credential rejects before any socket opens', async () => {
    const client = newClient({ protocol: MQTTv5, autoReconnect: false });
    let opened = 0;
    client.onSocketOpen = () => opened++;
    await expect(client.connect('127.0.0.1', env.broker.ports.mqtt, 60, '', { properties: { bogus: 1 } as never })).rejects.toMatchObject({ code: 'INVALID_PROPERTY' });
    await expect(client.connect(`mqtt://a%00b:pw@127.0.0.1:${env.broker.ports.mqtt}`)).rejects.toMatchObject({ code: 'INVALID_UTF8' });
    expect(opened).toBe(0);
    expect(client.isConnected()).toBe(false);
  });

  it('a refused setter changes nothing: the previous credentials are the ones sent', async () => {
    const client = newClient({ autoReconnect: false });
    client.usernamePwSet(bob.username, bob.password);
    expect(() => client.usernamePwSet('bob\ud800', 'other')).toThrow(code('INVALID_UTF8'));
    expect(() => client.willSet('w\u0000')).toThrow(code('INVALID_UTF8'));
    await expect(client.connect('127.0.0.1', env.broker.ports.mqtt)).resolves.toMatchObject({ reasonCode: 0 });
  });
});

describe('a CONNECT that still cannot be built', () => {
  it('closes the socket, rejects with the typed error and leaves the engine idle, so the next connect works', async () => {
    let clientId = 'bad\ud800id';
    const engine = new MqttEngine({
      transports: tcpTransport({ host: '127.0.0.1', port: env.broker.ports.mqtt }),
      settings: () => ({ clientId, username: bob.username, password: bob.password }),
      autoReconnect: false,
    });
    const events: string[] = [];
    engine.on('socketOpen', () => events.push('open'));
    engine.on('socketClose', () => events.push('close'));
    await expect(engine.connect()).rejects.toMatchObject({ code: 'INVALID_UTF8' });
    expect(engine.state).toBe('idle');
    expect(engine.connection).toBeUndefined();
    await expect.poll(() => events).toEqual(['open', 'close']);
    clientId = 'good-id';
    await expect(engine.connect()).resolves.toMatchObject({ reasonCode: 0 });
    await engine.disconnect();
  });
});
