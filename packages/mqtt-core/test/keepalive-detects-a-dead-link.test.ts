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

  it('counts packets sent and received as activity, so an acknowledged publish postpones the PINGREQ', () => {
    const h = new Harness({ keepalive: 10 }).connect();
    h.advance(8_000);
    h.run(h.session.publish({ topic: 't', payload: new Uint8Array(), qos: 1 }, h.now).effects);
    h.advance(9_000);
    expect(h.broker.sent('pingreq')).toHaveLength(0);
    h.advance(1_000);
    expect(h.broker.sent('pingreq')).toHaveLength(1);
  });

  it('declares the connection dead with KEEPALIVE_TIMEOUT when nothing comes back within 1.5 x keepalive', () => {
    const h = new Harness({ keepalive: 10 }, { answerPings: false }).connect();
    h.advance(14_999);
    expect(h.session.state).toBe('connected');
    h.advance(1);
    expect(h.of('error', 'close', 'disconnected').map((e) => e.type)).toEqual(['error', 'close', 'disconnected']);
    expect(h.of('disconnected')[0]?.error?.code).toBe('KEEPALIVE_TIMEOUT');
  });

  // Found by apps/faults (half-open link): a client that never stops sending never pinged, so a
  // black-holed link went unnoticed for as long as it kept publishing QoS 0.
  it('pings when nothing has been received for keepalive seconds, even while it keeps sending', () => {
    const h = new Harness({ keepalive: 10 }, { answerPings: false }).connect();
    for (let t = 0; t < 9_500; t += 500) {
      h.advance(500);
      h.run(h.session.publish({ topic: 't', payload: new Uint8Array() }, h.now).effects);
    }
    expect(h.broker.sent('pingreq')).toHaveLength(0);
    h.advance(500);
    expect(h.broker.sent('pingreq')).toHaveLength(1);
    for (let t = 10_000; t < 14_500; t += 500) {
      h.advance(500);
      h.run(h.session.publish({ topic: 't', payload: new Uint8Array() }, h.now).effects);
    }
    expect(h.session.state).toBe('connected');
    h.advance(500);
    expect(h.of('disconnected')[0]?.error?.code).toBe('KEEPALIVE_TIMEOUT');
  });

  it('declares a half-open link dead within 1.5 x keepalive of the last packet received, whatever the phase', () => {
    for (const quietFrom of [0, 1, 5_000, 9_999, 10_001]) {
      const h = new Harness({ keepalive: 10 }).connect();
      h.advance(quietFrom);
      const lastHeard = h.now;
      h.broker.script.answerPings = false;
      h.broker.script.ackPublishes = false;
      let dead: number | undefined;
      for (let t = 0; t < 30_000 && dead === undefined; t += 100) {
        h.advance(100);
        if (h.of('disconnected').length > 0) dead = h.now;
      }
      expect(dead).toBeDefined();
      expect((dead ?? Infinity) - lastHeard).toBeLessThanOrEqual(15_000);
    }
  });

  it('keeps an explicit pingTimeout', () => {
    const h = new Harness({ keepalive: 10, pingTimeout: 10 }, { answerPings: false }).connect();
    h.advance(19_999);
    expect(h.session.state).toBe('connected');
    h.advance(1);
    expect(h.of('disconnected')[0]?.error?.code).toBe('KEEPALIVE_TIMEOUT');
  });

  it('uses the v5 Server Keep Alive instead of our own', () => {
    const h = new Harness({ protocolVersion: 5, keepalive: 60 }, { connack: { sessionPresent: false, reasonCode: 0, properties: { serverKeepAlive: 5 } } }).connect();
    h.advance(5_000);
    expect(h.broker.sent('pingreq')).toHaveLength(1);
  });
});
