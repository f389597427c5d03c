import { describe, expect, it } from 'vitest';
import { Harness, text } from './helpers/harness.js';

describe('the retry interval', () => {
  it('resends an unacknowledged PUBLISH with DUP after 5 s on MQTT 3.1.1', () => {
    const h = new Harness({ keepalive: 0 }, { ackPublishes: false }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('x'), qos: 1 }, h.now).effects);
    h.advance(4_999);
    expect(h.broker.sent('publish')).toHaveLength(1);
    h.advance(1);
    expect(h.broker.sent('publish').map((p) => p.dup)).toEqual([false, true]);
  });

  it('never resends on a live MQTT 5 connection [MQTT-4.4.0-1]', () => {
    const h = new Harness({ protocolVersion: 5, keepalive: 0 }, { ackPublishes: false }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('x'), qos: 1 }, h.now).effects);
    h.advance(60_000);
    expect(h.broker.sent('publish')).toHaveLength(1);
    expect(h.timers.has('retry')).toBe(false);
  });
});
