import { describe, expect, it } from 'vitest';
import { Harness, str, text } from './helpers/harness.js';

describe('bad input from the broker', () => {
  it('malformed bytes: MALFORMED_PACKET error, v5 DISCONNECT, close; the queue survives and the next connection resumes', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c', cleanSession: false }, { ackPublishes: false, connack: { sessionPresent: true, reasonCode: 0 } }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('keep'), qos: 1 }, h.now).effects);
    h.clear();
    h.deliver(new Uint8Array([0x40, 0x01, 0x00])); // PUBACK with a 1-byte body
    expect(h.effects.map((e) => e.type)).toEqual(['send', 'error', 'close', 'cancelTimer', 'disconnected']);
    expect(h.of('error')[0]?.error.code).toBe('MALFORMED_PACKET');
    expect(h.broker.sent('disconnect')[0]?.reasonCode).toBe(0x81);
    h.broker.script.ackPublishes = true;
    h.connect();
    expect(h.broker.sent('publish').map((p) => [str(p.payload), p.dup])).toEqual([['keep', true]]);
    expect(h.of('published')).toHaveLength(1);
  });

  it('a packet not allowed in the current state: INVALID_STATE and a close', () => {
    const h = new Harness().connect();
    h.clear();
    h.brokerSends({ type: 'connack', sessionPresent: false, reasonCode: 0 });
    expect(h.of('error')[0]?.error).toMatchObject({ code: 'INVALID_STATE', reasonCode: 0x82 });
    expect(h.session.state).toBe('disconnected');
  });

  it('a PUBLISH before CONNACK is refused too', () => {
    const h = new Harness({}, { connack: { sessionPresent: false, reasonCode: 0 } });
    h.run(h.session.connectionOpened(0));
    h.brokerSends({ type: 'publish', topic: 't', payload: text(''), qos: 0, retain: false, dup: false });
    expect(h.of('error')[0]?.error.code).toBe('INVALID_STATE');
  });

  it('a duplicate ack does not complete a message twice', () => {
    const h = new Harness({}, { ackPublishes: false }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('m'), qos: 1 }, h.now).effects);
    const id = h.broker.sent('publish')[0]?.packetId ?? 0;
    h.brokerSends({ type: 'puback', packetId: id });
    h.brokerSends({ type: 'puback', packetId: id });
    expect(h.of('published')).toHaveLength(1);
    expect(h.of('warning')[0]?.error.code).toBe('UNKNOWN_PACKET_ID');
    expect(h.session.state).toBe('connected');
  });

  it('a packet larger than our maximum packet size: PACKET_TOO_LARGE before the body is buffered', () => {
    const h = new Harness({ protocolVersion: 5, maximumPacketSize: 64 }).connect();
    h.clear();
    h.brokerSends({ type: 'publish', topic: 't', payload: new Uint8Array(100), qos: 0, retain: false, dup: false });
    expect(h.of('error')[0]?.error.code).toBe('PACKET_TOO_LARGE');
    expect(h.broker.sent('disconnect')[0]?.reasonCode).toBe(0x95);
  });

  it('a PUBLISH larger than the broker maximum, connected: PACKET_TOO_LARGE at the call, nothing sent, nothing held', () => {
    const h = new Harness({ protocolVersion: 5 }, { connack: { sessionPresent: false, reasonCode: 0, properties: { maximumPacketSize: 50 } } }).connect();
    expect(() => h.session.publish({ topic: 't', payload: new Uint8Array(100), qos: 1 }, h.now)).toThrow(expect.objectContaining({ code: 'PACKET_TOO_LARGE' }));
    const small = h.session.publish({ topic: 't', payload: text('small'), qos: 1 }, h.now);
    h.run(small.effects);
    expect(small.mid).toBe(1);
    expect(h.broker.sent('publish').map((p) => [str(p.payload), p.packetId])).toEqual([['small', 1]]);
    expect(h.session.inflightCount + h.session.queuedCount).toBe(0);
  });

  it('a queued PUBLISH over the maximum a later CONNACK announces fails its request alone', () => {
    const h = new Harness({ protocolVersion: 5 }, { connack: { sessionPresent: false, reasonCode: 0, properties: { maximumPacketSize: 50 } } });
    const big = h.session.publish({ topic: 't', payload: new Uint8Array(100), qos: 1 }, h.now);
    h.run(big.effects);
    h.run(h.session.publish({ topic: 't', payload: text('small'), qos: 1 }, h.now).effects);
    h.connect();
    expect(h.of('requestFailed')).toEqual([expect.objectContaining({ mid: big.mid, error: expect.objectContaining({ code: 'PACKET_TOO_LARGE' }) })]);
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['small']);
    expect(h.session.state).toBe('connected');
  });
});
