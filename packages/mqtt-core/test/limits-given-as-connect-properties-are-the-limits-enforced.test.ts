import { describe, expect, it } from 'vitest';
import { Session } from '../src/session/session.js';
import { Harness, text } from './helpers/harness.js';

const unreleasedQos2 = (h: Harness, count: number) => {
  for (let id = 1; id <= count; id++) h.brokerSends({ type: 'publish', topic: 't', payload: text(String(id)), qos: 2, retain: false, dup: false, packetId: id });
};

describe('one setting, one meaning: Receive Maximum, Topic Alias Maximum and Maximum Packet Size as CONNECT properties', () => {
  it('receiveMaximum: 2 as a CONNECT property is announced and enforced: a 3rd unreleased QoS 2 gets DISCONNECT 0x93 [MQTT-3.3.4-9]', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c', connectProperties: { receiveMaximum: 2 } }, { ackPublishes: false }).connect();
    expect(h.broker.sent('connect')[0]?.properties?.receiveMaximum).toBe(2);
    unreleasedQos2(h, 3);
    expect(h.broker.sent('disconnect').map((d) => d.reasonCode)).toEqual([0x93]);
    expect(h.of('error')[0]?.error.code).toBe('RECEIVE_MAXIMUM_EXCEEDED');
  });

  it('topicAliasMaximum: 3 as a CONNECT property: the aliases it announces are accepted [MQTT-3.1.2-26]', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c', connectProperties: { topicAliasMaximum: 3 } }).connect();
    h.brokerSends({ type: 'publish', topic: 'long/topic', payload: text('1'), qos: 0, retain: false, dup: false, properties: { topicAlias: 3 } });
    h.brokerSends({ type: 'publish', topic: '', payload: text('2'), qos: 0, retain: false, dup: false, properties: { topicAlias: 3 } });
    expect(h.of('message').map((m) => m.message.topic)).toEqual(['long/topic', 'long/topic']);
    expect(h.session.state).toBe('connected');
  });

  it('maximumPacketSize as a CONNECT property is the size the decoder enforces', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c', connectProperties: { maximumPacketSize: 64 } }).connect();
    h.brokerSends({ type: 'publish', topic: 't', payload: new Uint8Array(100), qos: 0, retain: false, dup: false });
    expect(h.of('error')[0]?.error.code).toBe('PACKET_TOO_LARGE');
  });

  it('given both ways with different values: INVALID_ARGUMENT', () => {
    expect(() => new Session({ protocolVersion: 5, receiveMaximum: 5, connectProperties: { receiveMaximum: 2 } })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('a later configure without the property no longer announces or enforces it (nothing sticks)', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c', connectProperties: { receiveMaximum: 2, sessionExpiryInterval: 60 } }, { ackPublishes: false }).connect();
    h.drop();
    h.session.configure({ connectProperties: undefined });
    h.clear();
    h.connect();
    expect(h.broker.sent('connect')[0]?.properties).toBeUndefined();
    unreleasedQos2(h, 3);
    expect(h.session.state).toBe('connected');
  });
});
