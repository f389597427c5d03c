import { describe, expect, it } from 'vitest';
import { Harness, str, text } from './helpers/harness.js';

describe('a clean-session reconnect', () => {
  it('sends pending QoS>0 messages again with their packet ids and DUP=1, in order, as Paho 1.5 does', () => {
    const h = new Harness({ clientId: 'c', cleanSession: true }, { ackPublishes: false }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('a'), qos: 1 }, h.now).effects);
    h.run(h.session.publish({ topic: 't', payload: text('b'), qos: 2 }, h.now).effects);
    const ids = h.broker.sent('publish').map((p) => p.packetId);
    h.drop();
    h.clear();
    h.broker.script.ackPublishes = true;
    h.connect();
    expect(h.broker.sent('publish').map((p) => [str(p.payload), p.packetId, p.dup])).toEqual([
      ['a', ids[0], true],
      ['b', ids[1], true],
    ]);
    expect(h.of('published')).toHaveLength(2);
  });

  it('a QoS 2 message whose PUBREC came is completed with PUBREL, never published twice', () => {
    const h = new Harness({ clientId: 'c', cleanSession: true }, { ackPublishes: false }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('once'), qos: 2 }, h.now).effects);
    const id = h.broker.sent('publish')[0]?.packetId ?? 0;
    h.brokerSends({ type: 'pubrec', packetId: id });
    h.drop();
    h.clear();
    h.broker.script.ackPublishes = true;
    h.connect();
    expect(h.broker.sent('publish')).toEqual([]);
    expect(h.broker.sent('pubrel').map((p) => p.packetId)).toEqual([id]);
    expect(h.of('published')).toHaveLength(1);
  });

  it('also forgets inbound QoS 2 state when the broker has no session', () => {
    const h = new Harness({ cleanSession: true }).connect();
    h.brokerSends({ type: 'publish', topic: 't', payload: text('x'), qos: 2, retain: false, dup: false, packetId: 5 });
    h.drop();
    h.connect();
    expect(h.session.snapshot().incomingQos2).toEqual([]);
  });
});
