import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from '../src/session/session-store.js';
import { Harness, text } from './helpers/harness.js';

const qos2 = (packetId: number) => ({ type: 'publish', topic: 't', payload: text('x'), qos: 2, retain: false, dup: false, packetId }) as const;

describe('inbound QoS 2 ids and the session store', () => {
  it('a MemorySessionStore fed the persist effects holds an id from PUBLISH until PUBREL, and drops all ids after a CONNACK without session', () => {
    const h = new Harness({ clientId: 'c', cleanSession: false });
    const store = new MemorySessionStore();
    const apply = () => {
      for (const e of h.of('persist')) store.apply(e.operation);
      h.clear();
    };
    h.connect();
    h.brokerSends(qos2(1));
    h.brokerSends(qos2(2));
    apply();
    expect(store.load()?.incomingQos2).toEqual([1, 2]);
    h.brokerSends({ type: 'pubrel', packetId: 1 });
    apply();
    expect(store.load()?.incomingQos2).toEqual([2]);
    h.drop();
    h.connect(); // the scripted broker answers sessionPresent: false
    apply();
    expect(store.load()).toBeUndefined();
  });

  it('without persist effects the exactly-once state is kept all the same, and nothing is emitted for a store', () => {
    const h = new Harness({ clientId: 'c', cleanSession: false, persistEffects: false }).connect();
    h.brokerSends(qos2(1));
    h.brokerSends({ ...qos2(1), dup: true });
    expect(h.of('message')).toHaveLength(1);
    h.drop();
    h.connect(); // no session at the broker: the id is forgotten, a new PUBLISH with it is a new message
    h.brokerSends(qos2(1));
    expect(h.of('message')).toHaveLength(2);
    expect(h.of('persist')).toEqual([]);
  });
});
