import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../src/session/effects.js';
import { Harness, text } from './helpers/harness.js';

const publish = (packetId: number, qos: 1 | 2) => ({ type: 'publish', topic: 't', payload: text('x'), qos, retain: false, dup: false, packetId }) as const;
const last = (h: Harness): InboundMessage => (h.of('message').at(-1) as { message: InboundMessage }).message;

describe('v5 manualAck', () => {
  it('sends PUBACK with the refusal reason code and properties given', () => {
    const h = new Harness({ protocolVersion: 5, manualAck: true }).connect();
    h.clear();
    h.brokerSends(publish(1, 1));
    h.run(h.session.ack(last(h), { reasonCode: 0x80, properties: { reasonString: 'no' } }, h.now).effects);
    h.brokerSends(publish(2, 1));
    h.run(h.session.ack(last(h), { reasonCode: 0, properties: {} }, h.now).effects);
    expect(h.broker.received).toMatchObject([
      { type: 'puback', packetId: 1, reasonCode: 0x80, properties: { reasonString: 'no' } },
      { type: 'puback', packetId: 2, reasonCode: 0 },
    ]);
    expect((h.broker.received[1] as { properties?: unknown }).properties).toBeUndefined();
  });

  it('ends the QoS 2 exchange with a refused PUBREC: nothing is persisted, and the id is a new message next time', () => {
    const h = new Harness({ protocolVersion: 5, manualAck: true }).connect();
    h.clear();
    h.brokerSends(publish(9, 2));
    const effects = h.session.ack(last(h), { reasonCode: 0x87 }, h.now).effects;
    h.run(effects);
    expect(effects.map((e) => e.type)).toEqual(['send']);
    expect(h.broker.received).toEqual([{ type: 'pubrec', packetId: 9, reasonCode: 0x87 }]);
    expect(h.session.stats(h.now).pendingIn).toBe(0);
    h.brokerSends(publish(9, 2));
    expect(h.of('message')).toHaveLength(2);
  });
});
