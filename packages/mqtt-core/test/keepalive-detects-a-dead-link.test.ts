import { describe, expect, it } from 'vitest';
import { Harness } from './helpers/harness.js';

describe('keepalive', () => {
  it('sends PINGREQ after keepalive seconds without sending, and stays up when PINGRESP comes', () => {
    const h = new Harness({ keepalive: 10 }).connect();
    h.clear();
    h.advance(9_999);
    expect(h.broker.sent('pingreq')).toHaveLength(0);
    h.advance(1);
    expect(h.broker.sent('pingreq')).toHaveLength(1);
    h.advance(60_000);
    expect(h.broker.sent('pingreq')).toHaveLength(7);
    expect(h.session.state).toBe('connected');
  });

  it('counts any packet sent as activity, so publishing postpones the PINGREQ', () => {
    const h = new Harness({ keepalive: 10 }).connect();
    h.advance(8_000);
    h.run(h.session.publish({ topic: 't', payload: new Uint8Array() }, h.now).effects);
    h.advance(9_000);
    expect(h.broker.sent('pingreq')).toHaveLength(0);
    h.advance(1_000);
    expect(h.broker.sent('pingreq')).toHaveLength(1);
  });

  it('declares the connection dead with KEEPALIVE_TIMEOUT when nothing comes back in time', () => {
    const h = new Harness({ keepalive: 10 }, { answerPings: false }).connect();
    h.advance(19_999);
    expect(h.session.state).toBe('connected');
    h.advance(1);
    expect(h.of('error', 'close', 'disconnected').map((e) => e.type)).toEqual(['error', 'close', 'disconnected']);
    expect(h.of('disconnected')[0]?.error?.code).toBe('KEEPALIVE_TIMEOUT');
  });

  it('uses the v5 Server Keep Alive instead of our own', () => {
    const h = new Harness({ protocolVersion: 5, keepalive: 60 }, { connack: { sessionPresent: false, reasonCode: 0, properties: { serverKeepAlive: 5 } } }).connect();
    h.advance(5_000);
    expect(h.broker.sent('pingreq')).toHaveLength(1);
  });
});
