import { describe, expect, it } from 'vitest';
import { Harness, str, text } from './helpers/harness.js';

describe('QoS flows', () => {
  it('completes outgoing QoS 0, 1 and 2 with published effects after write, PUBACK and PUBCOMP', () => {
    const h = new Harness({ clientId: 'c' }).connect();
    h.clear();
    const r0 = h.session.publish({ topic: 'a', payload: text('zero') }, h.now);
    h.run(r0.effects);
    const r1 = h.session.publish({ topic: 'a', payload: text('one'), qos: 1 }, h.now);
    h.run(r1.effects);
    const r2 = h.session.publish({ topic: 'a', payload: text('two'), qos: 2 }, h.now);
    h.run(r2.effects);
    expect([r0.rc, r1.rc, r2.rc]).toEqual([0, 0, 0]);
    expect(h.broker.received.map((p) => p.type)).toEqual(['publish', 'publish', 'publish', 'pubrel']);
    expect(h.of('published').map((e) => e.mid)).toEqual([r0.mid, r1.mid, r2.mid]);
    expect(h.session.inflightCount).toBe(0);
  });

  it('delivers inbound QoS 1 and acknowledges it with PUBACK', () => {
    const h = new Harness().connect();
    h.clear();
    h.brokerSends({ type: 'publish', topic: 'x/y', payload: text('hi'), qos: 1, retain: true, dup: false, packetId: 9 });
    const [m] = h.of('message');
    expect(m?.message).toMatchObject({ topic: 'x/y', qos: 1, retain: true, packetId: 9 });
    expect(str(m?.message.payload ?? new Uint8Array())).toBe('hi');
    expect(h.broker.received).toEqual([{ type: 'puback', packetId: 9 }]);
  });

  it('walks inbound QoS 2 through PUBREC, PUBREL and PUBCOMP', () => {
    const h = new Harness().connect();
    h.clear();
    h.brokerSends({ type: 'publish', topic: 't', payload: text('q2'), qos: 2, retain: false, dup: false, packetId: 4 });
    h.brokerSends({ type: 'pubrel', packetId: 4 });
    expect(h.broker.received).toEqual([
      { type: 'pubrec', packetId: 4 },
      { type: 'pubcomp', packetId: 4 },
    ]);
    expect(h.of('message')).toHaveLength(1);
    expect(h.session.snapshot().incomingQos2).toEqual([]);
  });
});
