import { describe, expect, it } from 'vitest';
import { Harness, str, text } from './helpers/harness.js';

// A QoS 0 publish takes a shortcut to the wire only when nothing is ahead of it: messages held back
// by a smaller Receive Maximum after a resume, or queued, keep their place in the order.
describe('a QoS 0 publish never overtakes what is held or queued', () => {
  it('after a resume with 3 held back by Receive Maximum 1, a QoS 0 message goes after them', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c', cleanSession: false, maxInflightMessages: 0 }, { ackPublishes: false }).connect();
    for (let i = 0; i < 3; i++) h.run(h.session.publish({ topic: 't', payload: text(`m${i}`), qos: 1 }, h.now).effects);
    h.drop();
    h.clear();
    h.broker.script.connack = { sessionPresent: true, reasonCode: 0, properties: { receiveMaximum: 1 } };
    h.connect();
    h.run(h.session.publish({ topic: 't', payload: text('zero'), qos: 0 }, h.now).effects);
    const sent = () => h.broker.sent('publish').map((p) => str(p.payload));
    expect(sent()).toEqual(['m0']);
    const ackLast = () => h.brokerSends({ type: 'puback', packetId: h.broker.sent('publish').at(-1)?.packetId ?? 0 });
    ackLast();
    expect(sent()).toEqual(['m0', 'm1']);
    ackLast();
    // m2 takes the one slot; the QoS 0 message needs none and follows it at once
    expect(sent()).toEqual(['m0', 'm1', 'm2', 'zero']);
  });

  it('a QoS 0 message over the broker Maximum Packet Size throws PACKET_TOO_LARGE at the call and sends nothing', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' });
    h.broker.script.connack = { sessionPresent: false, reasonCode: 0, properties: { maximumPacketSize: 64 } };
    h.connect();
    const before = h.broker.sent('publish').length;
    expect(() => h.session.publish({ topic: 't', payload: new Uint8Array(100), qos: 0 }, h.now)).toThrow(expect.objectContaining({ code: 'PACKET_TOO_LARGE' }));
    expect(h.broker.sent('publish')).toHaveLength(before);
    // and the session goes on: a small one is sent
    h.run(h.session.publish({ topic: 't', payload: text('ok'), qos: 0 }, h.now).effects);
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['ok']);
  });

  it('a QoS 1 message over the broker Maximum Packet Size throws at the call and keeps no packet id', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c', persistEffects: false }, { ackPublishes: false });
    h.broker.script.connack = { sessionPresent: false, reasonCode: 0, properties: { maximumPacketSize: 64 } };
    h.connect();
    expect(() => h.session.publish({ topic: 't', payload: new Uint8Array(100), qos: 1 }, h.now)).toThrow(expect.objectContaining({ code: 'PACKET_TOO_LARGE' }));
    expect(h.session.inflightCount).toBe(0);
    h.run(h.session.publish({ topic: 't', payload: text('ok'), qos: 1 }, h.now).effects);
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['ok']);
    expect(h.session.inflightCount).toBe(1);
  });
});
