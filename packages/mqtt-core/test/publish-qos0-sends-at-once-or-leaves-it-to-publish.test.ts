// Session.publishQos0(): the driver's hot path for a QoS 0 message without properties. It returns
// the same PUBLISH bytes publish() would have sent, under the mid publish() would have used, when
// the message can go at once; otherwise undefined and nothing changes (publish() then decides).
import { decodeOne } from '@x/mqtt-codec';
import { describe, expect, it } from 'vitest';
import { Harness, str, text } from './helpers/harness.js';

describe('publishQos0', () => {
  it('connected, nothing ahead: the PUBLISH bytes, the next mid, and the keepalive sees the send', () => {
    const h = new Harness({ protocolVersion: 4, clientId: 'c', keepalive: 10 }).connect();
    const before = h.session.publish({ topic: 't', payload: text('a'), qos: 0 }, h.now).mid;
    h.now = 5_000;
    const bytes = h.session.publishQos0('t', text('b'), true, h.now);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(h.session.lastMid).toBe(before + 1);
    const packet = decodeOne(bytes as Uint8Array, 4);
    expect(packet).toMatchObject({ type: 'publish', topic: 't', qos: 0, retain: true, dup: false });
    expect(str((packet as { payload: Uint8Array }).payload)).toBe('b');
    // The send at 5 s counts as activity for the keepalive.
    expect(h.session.stats(6_000).idleMs).toBe(1_000);
  });

  it('without keepalive it sends all the same', () => {
    const h = new Harness({ protocolVersion: 4, clientId: 'c', keepalive: 0 }).connect();
    expect(h.session.publishQos0('t', text('x'), false, h.now)).toBeInstanceOf(Uint8Array);
  });

  it('undefined, nothing queued, when not connected, when the queue bound is reached, or when retain is not available', () => {
    const offline = new Harness({ protocolVersion: 4, clientId: 'c' });
    expect(offline.session.publishQos0('t', text('x'), false, 0)).toBeUndefined();
    expect(offline.session.queuedCount).toBe(0);

    const bounded = new Harness({ protocolVersion: 4, clientId: 'c', maxQueuedMessages: 2 }).connect();
    expect(bounded.session.publishQos0('t', text('x'), false, 0, 2)).toBeUndefined();
    expect(bounded.session.publishQos0('t', text('x'), false, 0, 1)).toBeInstanceOf(Uint8Array);

    const noRetain = new Harness({ protocolVersion: 5, clientId: 'c' }, { connack: { sessionPresent: false, reasonCode: 0, properties: { retainAvailable: false } } }).connect();
    expect(noRetain.session.publishQos0('t', text('x'), true, 0)).toBeUndefined();
    expect(noRetain.session.publishQos0('t', text('x'), false, 0)).toBeInstanceOf(Uint8Array);
  });

  it('undefined while a message waits ahead of it, so order is kept', () => {
    const h = new Harness({ protocolVersion: 4, clientId: 'c', maxInflightMessages: 1, persistEffects: false }, { ackPublishes: false }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('1'), qos: 1 }, h.now).effects);
    h.run(h.session.publish({ topic: 't', payload: text('2'), qos: 1 }, h.now).effects);
    expect(h.session.publishQos0('t', text('3'), false, h.now)).toBeUndefined();
  });

  it('throws what publish() throws: a bad topic, a packet over the broker maximum, a payload that is not bytes', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' }, { connack: { sessionPresent: false, reasonCode: 0, properties: { maximumPacketSize: 32 } } }).connect();
    const mid = h.session.lastMid;
    expect(() => h.session.publishQos0('a/+', text('x'), false, 0)).toThrow(expect.objectContaining({ code: 'INVALID_TOPIC' }));
    expect(() => h.session.publishQos0('t', new Uint8Array(64), false, 0)).toThrow(expect.objectContaining({ code: 'PACKET_TOO_LARGE' }));
    expect(() => h.session.publishQos0('t', 'text' as never, false, 0)).toThrow(expect.objectContaining({ code: 'INVALID_PACKET' }));
    expect(h.session.lastMid).toBe(mid);
  });
});
