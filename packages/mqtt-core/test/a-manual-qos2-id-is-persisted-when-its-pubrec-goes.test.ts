import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../src/session/effects.js';
import { Harness, text } from './helpers/harness.js';

const publish = { type: 'publish', topic: 't', payload: text('x'), qos: 2, retain: false, dup: false, packetId: 5 } as const;
const last = (h: Harness): InboundMessage => (h.of('message').at(-1) as { message: InboundMessage }).message;

describe('manualAck QoS 2', () => {
  it('persists the id only as its PUBREC goes, and answers a resend with nothing before the ack and PUBREC after it', () => {
    const h = new Harness({ manualAck: true }).connect();
    h.clear();
    h.brokerSends(publish);
    expect(h.effects.map((e) => e.type)).toEqual(['message']);
    h.brokerSends({ ...publish, dup: true });
    expect(h.broker.received).toEqual([]);
    const effects = h.session.ack(last(h), {}, h.now).effects;
    expect(effects.map((e) => e.type)).toEqual(['persist', 'send']);
    expect(effects[0]).toEqual({ type: 'persist', operation: { op: 'putIncoming', packetId: 5 } });
    h.run(effects);
    h.brokerSends({ ...publish, dup: true });
    expect(h.broker.sent('pubrec')).toHaveLength(2);
    expect(h.of('message')).toHaveLength(1);
  });

  it('persists nothing without a store, and a QoS 1 resend of an unacked message is not delivered twice', () => {
    const h = new Harness({ manualAck: true, persistEffects: false }).connect();
    h.clear();
    h.brokerSends(publish);
    const effects = h.session.ack(last(h), {}, h.now).effects;
    expect(effects.map((e) => e.type)).toEqual(['send']);
    h.brokerSends({ ...publish, qos: 1, packetId: 6 });
    h.brokerSends({ ...publish, qos: 1, packetId: 6, dup: true });
    expect(h.of('message')).toHaveLength(2);
    expect(h.session.unackedInboundCount).toBe(1);
  });
});
