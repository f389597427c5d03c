import { describe, expect, it } from 'vitest';
import { Harness, str, text } from './helpers/harness.js';

describe('the in-flight window', () => {
  it('sends at most maxInflightMessages (default 20) and releases one message per acknowledgement, in order', () => {
    const h = new Harness({}, { ackPublishes: false }).connect();
    for (let i = 0; i < 25; i++) h.run(h.session.publish({ topic: 't', payload: text(`${i}`), qos: 1 }, h.now).effects);
    expect(h.broker.sent('publish')).toHaveLength(20);
    expect(h.session.queuedCount).toBe(5);
    const first = h.broker.sent('publish')[0];
    h.brokerSends({ type: 'puback', packetId: first?.packetId ?? 0 });
    const sent = h.broker.sent('publish');
    expect(sent).toHaveLength(21);
    expect(str(sent[20]?.payload ?? new Uint8Array())).toBe('20');
  });

  it('with v5 uses the smaller of maxInflightMessages and the broker Receive Maximum', () => {
    const h = new Harness({ protocolVersion: 5 }, { ackPublishes: false, connack: { sessionPresent: false, reasonCode: 0, properties: { receiveMaximum: 3 } } }).connect();
    for (let i = 0; i < 10; i++) h.run(h.session.publish({ topic: 't', payload: text(`${i}`), qos: 2 }, h.now).effects);
    expect(h.broker.sent('publish')).toHaveLength(3);
  });

  it('keeps QoS 0 messages behind queued ones so outgoing order is preserved', () => {
    const h = new Harness({ maxInflightMessages: 1 }, { ackPublishes: false }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('a'), qos: 1 }, h.now).effects);
    h.run(h.session.publish({ topic: 't', payload: text('b'), qos: 1 }, h.now).effects);
    h.run(h.session.publish({ topic: 't', payload: text('c'), qos: 0 }, h.now).effects);
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['a']);
    h.brokerSends({ type: 'puback', packetId: h.broker.sent('publish')[0]?.packetId ?? 0 });
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['a', 'b', 'c']);
  });
});
