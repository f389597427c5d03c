import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../src/session/effects.js';
import { Harness, text } from './helpers/harness.js';

const publish = (packetId: number, qos: 1 | 2) => ({ type: 'publish', topic: 't', payload: text('x'), qos, retain: false, dup: false, packetId }) as const;

describe('manualAck and the v5 Receive Maximum', () => {
  it('counts unacked QoS 1 messages, so a third one over a Receive Maximum of 2 closes with 0x93', () => {
    const h = new Harness({ protocolVersion: 5, manualAck: true, receiveMaximum: 2 }).connect();
    h.brokerSends(publish(1, 1));
    h.brokerSends(publish(2, 2));
    const first = (h.of('message')[0] as { message: InboundMessage }).message;
    h.run(h.session.ack(first, {}, h.now).effects);
    h.brokerSends(publish(3, 1));
    expect(h.session.state).toBe('connected');
    h.brokerSends(publish(4, 1));
    expect(h.of('error').map((e) => e.error.code)).toEqual(['RECEIVE_MAXIMUM_EXCEEDED']);
    expect(h.broker.sent('disconnect')).toEqual([{ type: 'disconnect', reasonCode: 0x93 }]);
  });

  it('counts them for QoS 2 too', () => {
    const h = new Harness({ protocolVersion: 5, manualAck: true, receiveMaximum: 1 }).connect();
    h.brokerSends(publish(1, 1));
    h.brokerSends(publish(2, 2));
    expect(h.of('error').map((e) => e.error.code)).toEqual(['RECEIVE_MAXIMUM_EXCEEDED']);
  });
});
