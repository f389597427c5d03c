import { describe, expect, it } from 'vitest';
import { Harness, text } from './helpers/harness.js';

describe('inbound QoS 2', () => {
  it('is delivered once when the broker resends the PUBLISH with DUP, on the same and on a resumed connection', () => {
    const h = new Harness({ clientId: 'c', cleanSession: false }, { connack: { sessionPresent: true, reasonCode: 0 } }).connect();
    const publish = { type: 'publish', topic: 't', payload: text('once'), qos: 2, retain: false, dup: false, packetId: 11 } as const;
    h.brokerSends(publish);
    h.brokerSends({ ...publish, dup: true });
    h.drop();
    h.connect();
    h.brokerSends({ ...publish, dup: true });
    h.brokerSends({ type: 'pubrel', packetId: 11 });
    expect(h.of('message')).toHaveLength(1);
    expect(h.broker.sent('pubrec')).toHaveLength(3);
    expect(h.broker.sent('pubcomp')).toEqual([{ type: 'pubcomp', packetId: 11 }]);
  });

  it('is persisted before PUBREC leaves, so a durable store can keep the promise across a restart', () => {
    const h = new Harness().connect();
    h.clear();
    h.brokerSends({ type: 'publish', topic: 't', payload: text('x'), qos: 2, retain: false, dup: false, packetId: 3 });
    expect(h.effects.map((e) => e.type)).toEqual(['persist', 'message', 'send']);
  });

  it('answers a PUBREL for an unknown id with PUBCOMP (v5: reason 0x92) and does not deliver anything', () => {
    const h = new Harness({ protocolVersion: 5 }).connect();
    h.clear();
    h.brokerSends({ type: 'pubrel', packetId: 77 });
    expect(h.broker.received).toEqual([{ type: 'pubcomp', packetId: 77, reasonCode: 0x92 }]);
    expect(h.session.state).toBe('connected');
  });
});
