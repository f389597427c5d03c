import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../src/session/effects.js';
import { Harness, text } from './helpers/harness.js';

const publish = (packetId: number, qos: 1 | 2) => ({ type: 'publish', topic: 't', payload: text(String(packetId)), qos, retain: false, dup: false, packetId }) as const;
const messages = (h: Harness): InboundMessage[] => h.of('message').map((e) => e.message);

describe('manualAck', () => {
  for (const protocolVersion of [3, 4, 5] as const) {
    it(`holds a later ack until the earlier ones are acked, so PUBACK/PUBREC leave in arrival order (v${protocolVersion})`, () => {
      const h = new Harness({ protocolVersion, manualAck: true }).connect();
      h.clear();
      h.brokerSends(publish(1, 1));
      h.brokerSends(publish(2, 2));
      h.brokerSends(publish(3, 1));
      expect(h.broker.received).toEqual([]);
      const [m1, m2, m3] = messages(h) as [InboundMessage, InboundMessage, InboundMessage];
      expect(h.session.unackedInboundCount).toBe(3);

      const third = h.session.ack(m3, {}, h.now);
      expect(third.outcome).toBe('held');
      h.run(third.effects);
      const second = h.session.ack(m2, {}, h.now);
      expect(second.outcome).toBe('held');
      h.run(second.effects);
      expect(h.broker.received).toEqual([]);

      const first = h.session.ack(m1, { reasonCode: 0 }, h.now);
      expect(first.outcome).toBe('sent');
      h.run(first.effects);
      expect(h.broker.received.map((p) => [p.type, 'packetId' in p ? p.packetId : undefined])).toEqual([['puback', 1], ['pubrec', 2], ['puback', 3]]);
      expect(h.session.unackedInboundCount).toBe(0);
      h.brokerSends({ type: 'pubrel', packetId: 2 });
      expect(h.broker.sent('pubcomp').map((p) => [p.packetId, p.reasonCode ?? 0])).toEqual([[2, 0]]);
    });
  }

  it('releases a long run of acks in order, whichever way round they are acked', () => {
    const h = new Harness({ manualAck: true }).connect();
    h.clear();
    for (let id = 1; id <= 200; id++) h.brokerSends(publish(id, 1));
    const all = messages(h);
    // The first 150 in order, then the rest last-first: the first of those releases them all.
    for (const m of all.slice(0, 150)) expect(h.session.ack(m, {}, h.now).outcome).toBe('sent');
    for (const m of all.slice(151).reverse()) expect(h.session.ack(m, {}, h.now).outcome).toBe('held');
    const last = h.session.ack(all[150] as InboundMessage, {}, h.now);
    expect(last.outcome).toBe('sent');
    h.run(last.effects);
    expect(h.broker.sent('puback').map((p) => p.packetId)).toEqual(Array.from({ length: 50 }, (_, i) => i + 151));
    expect(h.session.unackedInboundCount).toBe(0);
  });
});
