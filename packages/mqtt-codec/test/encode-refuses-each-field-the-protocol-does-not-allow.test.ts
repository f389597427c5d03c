// Field by field, the packet objects encode() must refuse, each with its own typed error: the
// junk fuzz (encode-rejects-junk-with-mqtt-errors) proves nothing else escapes; this file proves
// each rule is there.
import { describe, expect, it } from 'vitest';
import { encode, encodedLength, type Packet, type ProtocolVersion } from '../src/index.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const connect = { type: 'connect', protocolVersion: 4, clientId: 'c', cleanStart: true, keepalive: 60 } as const;
const publish = { type: 'publish', topic: 't', payload: bytes('x'), qos: 0, retain: false, dup: false } as const;
const subscribe = (subscription: unknown) => ({ type: 'subscribe', packetId: 1, subscriptions: [subscription] }) as unknown as Packet;

function refusal(packet: unknown, version: ProtocolVersion): string | undefined {
  try {
    encode(packet as Packet, version);
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('encode refuses, with a typed error code', () => {
  it.each<[string, unknown, ProtocolVersion, string]>([
    ['a packet that is not an object', 'connect', 4, 'INVALID_PACKET'],
    ['a CONNECT whose protocolVersion is not the encoder\'s', connect, 5, 'INVALID_PACKET'],
    ['a 3.1.1 CONNECT with an empty client id and no clean session [MQTT-3.1.3-7]', { ...connect, clientId: '', cleanStart: false }, 4, 'INVALID_PACKET'],
    ['a client id over 65,535 UTF-8 bytes', { ...connect, clientId: 'c'.repeat(65_536) }, 4, 'INVALID_PACKET'],
    ['a QoS 0 PUBLISH with a packet id [MQTT-2.3.1-5]', { ...publish, packetId: 1 }, 4, 'INVALID_PACKET_ID'],
    ['a PUBLISH whose payload is not bytes', { ...publish, payload: 'x' }, 4, 'INVALID_PACKET'],
    ['a PUBLISH whose topic is not a string', { ...publish, topic: 7 }, 4, 'INVALID_PACKET'],
    ['a PUBLISH topic over 65,535 UTF-8 bytes', { ...publish, topic: 'é'.repeat(32_768) }, 4, 'INVALID_PACKET'],
    ['a SUBSCRIBE with no subscription', { type: 'subscribe', packetId: 1, subscriptions: [] }, 4, 'PROTOCOL_ERROR'],
    ['a subscription that is not an object', subscribe('a/b'), 4, 'INVALID_PACKET'],
    ['a subscription with retainHandling 3', subscribe({ topicFilter: 'a', qos: 0, retainHandling: 3 }), 5, 'INVALID_PACKET'],
    ['a 3.1.1 subscription with noLocal', subscribe({ topicFilter: 'a', qos: 0, noLocal: true }), 4, 'INVALID_PACKET'],
    ['a subscription whose noLocal is not a boolean', subscribe({ topicFilter: 'a', qos: 0, noLocal: 'yes' }), 5, 'INVALID_PACKET'],
    ['a filter with # before its last level [MQTT-4.7.1-2]', subscribe({ topicFilter: 'a/#/b', qos: 0 }), 4, 'INVALID_TOPIC'],
    ['userProperties that is not an array', { ...publish, properties: { userProperties: { a: 'b' } } }, 5, 'INVALID_PROPERTY'],
    ['a user property that is not a [name, value] pair', { ...publish, properties: { userProperties: [['a', 'b', 'c']] } }, 5, 'INVALID_PROPERTY'],
    ['a boolean property that is not a boolean', { type: 'connack', sessionPresent: false, reasonCode: 0, properties: { retainAvailable: 1 } }, 5, 'INVALID_PROPERTY'],
  ])('%s', (_what, packet, version, code) => {
    expect(refusal(packet, version)).toBe(code);
    expect(() => encodedLength(packet as Packet, version)).toThrow(expect.objectContaining({ code }));
  });

  it('and wraps a failure that is not its own (a throwing getter) as INVALID_PACKET with the cause', () => {
    const cause = new TypeError('getter bug');
    const packet = Object.defineProperty({ ...publish }, 'topic', {
      get() {
        throw cause;
      },
    });
    expect(() => encode(packet, 4)).toThrow(expect.objectContaining({ code: 'INVALID_PACKET', cause }));
  });
});

describe('encode writes the canonical v5 form when optional fields are left out', () => {
  it('an ack or DISCONNECT without a reason code but with properties carries reason 0x00 before them', () => {
    expect([...encode({ type: 'puback', packetId: 1 }, 5)]).toEqual([0x40, 0x02, 0x00, 0x01]);
    expect([...encode({ type: 'puback', packetId: 1, properties: { reasonString: 'r' } }, 5)]).toEqual([0x40, 0x08, 0x00, 0x01, 0x00, 0x04, 0x1f, 0x00, 0x01, 0x72]);
    expect([...encode({ type: 'disconnect', properties: { reasonString: 'r' } }, 5)]).toEqual([0xe0, 0x06, 0x00, 0x04, 0x1f, 0x00, 0x01, 0x72]);
  });

  it('a property given as undefined is left out, as if absent', () => {
    expect(encode({ ...publish, properties: { contentType: undefined } }, 5)).toEqual(encode(publish, 5));
  });

  it('a v5 PUBLISH with an empty topic and a topic alias is encoded with the alias alone', () => {
    const packet = { ...publish, topic: '', properties: { topicAlias: 3 } } as const;
    // topic length 0, property length 3 (Topic Alias 0x23 = 3), payload 'x'
    expect([...encode(packet, 5)]).toEqual([0x30, 0x07, 0x00, 0x00, 0x03, 0x23, 0x00, 0x03, 0x78]);
  });
});
