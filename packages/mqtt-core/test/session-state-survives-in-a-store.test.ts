import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from '../src/session/session-store.js';
import { Session } from '../src/session/session.js';
import { Harness, str, text } from './helpers/harness.js';

describe('session persistence', () => {
  it('emits persist operations that rebuild the same state in a MemorySessionStore as snapshot()', () => {
    const h = new Harness({ clientId: 'c', cleanSession: false }, { ackPublishes: false }).connect();
    const store = new MemorySessionStore();
    for (const i of [1, 2, 3]) h.run(h.session.publish({ topic: 't', payload: text(`m${i}`), qos: 2 }, h.now).effects);
    h.brokerSends({ type: 'pubrec', packetId: h.broker.sent('publish')[0]?.packetId ?? 0 });
    h.brokerSends({ type: 'publish', topic: 'in', payload: text('x'), qos: 2, retain: false, dup: false, packetId: 42 });
    for (const e of h.of('persist')) store.apply(e.operation);
    expect(store.load()).toEqual(h.session.snapshot());
    expect(h.session.snapshot().outgoing.map((m) => m.state)).toEqual(['wait-pubcomp', 'wait-pubrec', 'wait-pubrec']);
  });

  it('restores a snapshot into a new Session that resumes the flows after a restart', () => {
    const h = new Harness({ clientId: 'c', cleanSession: false, maxInflightMessages: 1 }, { ackPublishes: false }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('a'), qos: 1 }, h.now).effects);
    h.run(h.session.publish({ topic: 't', payload: text('b'), qos: 1 }, h.now).effects);
    h.brokerSends({ type: 'publish', topic: 'in', payload: text('x'), qos: 2, retain: false, dup: false, packetId: 9 });
    const snapshot = h.session.snapshot();

    const restarted = new Harness({ clientId: 'c', cleanSession: false, maxInflightMessages: 1 }, { connack: { sessionPresent: true, reasonCode: 0 } });
    restarted.session.restore(snapshot);
    restarted.connect();
    restarted.brokerSends({ type: 'publish', topic: 'in', payload: text('x'), qos: 2, retain: false, dup: true, packetId: 9 });
    expect(restarted.of('message')).toHaveLength(0);
    expect(restarted.broker.sent('publish').map((p) => [str(p.payload), p.dup])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(restarted.of('published').map((e) => e.mid)).toEqual(snapshot.outgoing.map((m) => m.mid));
    expect(new Session().snapshot().nextMid).toBe(1);
  });
});
