import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../src/session/effects.js';
import { Harness, text } from './helpers/harness.js';

const publish = (packetId: number, qos: 1 | 2, dup = false) => ({ type: 'publish', topic: 't', payload: text('x'), qos, retain: false, dup, packetId }) as const;
const all = (h: Harness): InboundMessage[] => h.of('message').map((e) => e.message);

describe('manualAck across a reconnect', () => {
  it('answers stale for a message of the dropped connection and sends nothing; the redelivered copy is delivered again and acked', () => {
    const h = new Harness({ clientId: 'c', cleanSession: false, manualAck: true }, { connack: { sessionPresent: true, reasonCode: 0 } }).connect();
    h.brokerSends(publish(5, 1));
    h.brokerSends(publish(6, 2));
    const [old5, old6] = all(h) as [InboundMessage, InboundMessage];
    h.drop();
    expect(h.session.ack(old5, {}, h.now)).toEqual({ outcome: 'stale', effects: [] });
    expect(h.session.unackedInboundCount).toBe(0);

    h.connect();
    h.clear();
    // The broker resends with the original ids [MQTT-4.4.0-1]; the QoS 2 one is delivered again too.
    h.brokerSends(publish(5, 1, true));
    h.brokerSends(publish(6, 2, true));
    const [new5, new6] = all(h) as [InboundMessage, InboundMessage];
    expect(new5.connection).toBe(old5.connection + 1);
    expect(h.session.ack(old5, {}, h.now).outcome).toBe('stale');
    expect(h.session.ack(old6, {}, h.now).outcome).toBe('stale');
    expect(h.broker.received).toEqual([]);
    h.run(h.session.ack(new5, {}, h.now).effects);
    h.run(h.session.ack(new6, {}, h.now).effects);
    expect(h.broker.received).toEqual([{ type: 'puback', packetId: 5 }, { type: 'pubrec', packetId: 6 }]);
  });
});
