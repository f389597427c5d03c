import { describe, expect, it } from 'vitest';
import { Harness, str, text } from './helpers/harness.js';

describe('a clean-session reconnect', () => {
  it('publishes pending QoS>0 messages again as new messages (no DUP), in order, as Paho does', () => {
    const h = new Harness({ clientId: 'c', cleanSession: true }, { ackPublishes: false }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('a'), qos: 1 }, h.now).effects);
    h.run(h.session.publish({ topic: 't', payload: text('b'), qos: 2 }, h.now).effects);
    h.drop();
    h.clear();
    h.broker.script.ackPublishes = true;
    h.connect();
    const again = h.broker.sent('publish');
    expect(again.map((p) => [str(p.payload), p.dup])).toEqual([
      ['a', false],
      ['b', false],
    ]);
    expect(h.of('published')).toHaveLength(2);
  });

  it('also forgets inbound QoS 2 state when the broker has no session', () => {
    const h = new Harness({ cleanSession: true }).connect();
    h.brokerSends({ type: 'publish', topic: 't', payload: text('x'), qos: 2, retain: false, dup: false, packetId: 5 });
    h.drop();
    h.connect();
    expect(h.session.snapshot().incomingQos2).toEqual([]);
  });
});
