import { describe, expect, it } from 'vitest';
import { Harness, str, text } from './helpers/harness.js';

// A v5 broker may announce a Maximum Packet Size smaller than some packets the client owes it.
const tiny = (size: number, extra: Record<string, number> = {}) => ({ connack: { sessionPresent: true, reasonCode: 0, properties: { maximumPacketSize: size, ...extra } } });

describe('packets larger than the broker\'s Maximum Packet Size never go on the wire [MQTT-3.2.2-15]', () => {
  it('a PUBACK we owe that cannot fit is reported as a warning, and the connection stays up', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' }, tiny(3)).connect();
    h.brokerSends({ type: 'publish', topic: 't', payload: text('x'), qos: 1, retain: false, dup: false, packetId: 5 });
    expect(h.of('message')).toHaveLength(1);
    expect(h.broker.sent('puback')).toEqual([]);
    expect(h.of('warning').map((w) => w.error.code)).toEqual(['PACKET_TOO_LARGE']);
    expect(h.session.state).toBe('connected');
  });

  it('a PUBREL resent after reconnect that cannot fit is reported as a warning; nothing closes', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c', cleanSession: false }, { ackPublishes: false }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('q2'), qos: 2 }, h.now).effects);
    h.brokerSends({ type: 'pubrec', packetId: h.broker.sent('publish')[0]?.packetId ?? 0 });
    expect(h.broker.sent('pubrel')).toHaveLength(1);
    h.drop();
    h.clear();
    h.broker.script.connack = tiny(3).connack;
    h.connect();
    expect(h.broker.sent('pubrel')).toEqual([]);
    expect(h.of('warning').map((w) => w.error.code)).toEqual(['PACKET_TOO_LARGE']);
    expect(h.session.state).toBe('connected');
  });

  it('messages queued offline that the new broker cannot take fail one by one (QoS 0 and QoS 1), the rest go', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c', persistEffects: false }, tiny(20));
    const big = new Uint8Array(64);
    const q0 = h.session.publish({ topic: 't', payload: big, qos: 0 }, h.now);
    const q1 = h.session.publish({ topic: 't', payload: big, qos: 1 }, h.now);
    const ok = h.session.publish({ topic: 't', payload: text('small'), qos: 1 }, h.now);
    h.connect();
    expect(h.of('requestFailed').map((e) => [e.mid, e.error.code])).toEqual([
      [q0.mid, 'PACKET_TOO_LARGE'],
      [q1.mid, 'PACKET_TOO_LARGE'],
    ]);
    expect(h.of('persist')).toEqual([]);
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['small']);
    expect(h.of('published').map((e) => e.mid)).toEqual([ok.mid]);
  });

  it('a message held back by a smaller Receive Maximum that no longer fits fails when its turn comes, and frees its id', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c', cleanSession: false, maxInflightMessages: 0, persistEffects: false }, { ackPublishes: false }).connect();
    const small = h.session.publish({ topic: 't', payload: text('s'), qos: 1 }, h.now);
    const large = h.session.publish({ topic: 't', payload: new Uint8Array(64), qos: 1 }, h.now);
    h.run(small.effects);
    h.run(large.effects);
    h.drop();
    h.clear();
    h.broker.script.connack = tiny(30, { receiveMaximum: 1 }).connack;
    h.connect();
    expect(h.broker.sent('publish').map((p) => [str(p.payload), p.dup])).toEqual([['s', true]]);
    h.brokerSends({ type: 'puback', packetId: h.broker.sent('publish')[0]?.packetId ?? 0 });
    expect(h.of('published').map((e) => e.mid)).toEqual([small.mid]);
    expect(h.of('requestFailed').map((e) => [e.mid, e.error.code])).toEqual([[large.mid, 'PACKET_TOO_LARGE']]);
    expect(h.of('persist')).toEqual([]);
    expect(h.session.inflightCount).toBe(0);
  });
});
