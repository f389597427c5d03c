import { describe, expect, it } from 'vitest';
import { Harness, text } from './helpers/harness.js';

describe('a v5 message queued with a Message Expiry Interval', () => {
  it('sent within the same second it was queued carries the interval unchanged', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' });
    h.session.publish({ topic: 't', payload: text('x'), qos: 1, properties: { messageExpiryInterval: 10 } }, h.now);
    h.advance(999);
    h.connect();
    expect(h.broker.sent('publish').map((p) => p.properties?.messageExpiryInterval)).toEqual([10]);
  });
});
