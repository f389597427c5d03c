import { describe, expect, it } from 'vitest';
import { MqttError } from '@x/mqtt-codec';
import type { InboundMessage } from '../src/session/effects.js';
import { Harness, text } from './helpers/harness.js';

const publish = (packetId: number | undefined, qos: 0 | 1 | 2) => ({ type: 'publish', topic: 't', payload: text('x'), qos, retain: false, dup: false, ...(packetId === undefined ? {} : { packetId }) }) as const;
const last = (h: Harness): InboundMessage => (h.of('message').at(-1) as { message: InboundMessage }).message;

describe('Session.ack', () => {
  it('answers unknown, sending nothing, for QoS 0, a second ack, and a session that acks on arrival', () => {
    const h = new Harness({ manualAck: true }).connect();
    h.brokerSends(publish(undefined, 0));
    expect(h.session.ack(last(h), {}, h.now)).toEqual({ outcome: 'unknown', effects: [] });
    h.brokerSends(publish(4, 1));
    const m = last(h);
    expect(h.session.ack(m, {}, h.now).outcome).toBe('sent');
    expect(h.session.ack(m, {}, h.now)).toEqual({ outcome: 'unknown', effects: [] });

    const auto = new Harness().connect();
    auto.brokerSends(publish(4, 1));
    expect(auto.broker.sent('puback')).toHaveLength(1);
    expect(auto.session.ack(last(auto), {}, auto.now)).toEqual({ outcome: 'unknown', effects: [] });
  });

  it('throws INVALID_ARGUMENT for a reason code PUBACK cannot carry, and for any non-zero one before MQTT 5', () => {
    const v5 = new Harness({ protocolVersion: 5, manualAck: true }).connect();
    v5.brokerSends(publish(1, 1));
    expect(() => v5.session.ack(last(v5), { reasonCode: 0x92 }, v5.now)).toThrow(MqttError);
    const v4 = new Harness({ manualAck: true }).connect();
    v4.brokerSends(publish(1, 1));
    expect(() => v4.session.ack(last(v4), { reasonCode: 0x80 }, v4.now)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error);
    // The message is still pending after a refused call.
    expect(v4.session.ack(last(v4), {}, v4.now).outcome).toBe('sent');
  });
});
