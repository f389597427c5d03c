import { describe, expect, it } from 'vitest';
import { Harness } from './helpers/harness.js';

describe('a v5 DISCONNECT from the broker', () => {
  it('closes with SERVER_DISCONNECT carrying the reason code and properties', () => {
    const h = new Harness({ protocolVersion: 5 }).connect();
    h.clear();
    h.brokerSends({ type: 'disconnect', reasonCode: 0x8b, properties: { reasonString: 'shutting down' } });
    expect(h.effects.map((e) => e.type)).toEqual(['error', 'close', 'cancelTimer', 'disconnected']);
    expect(h.of('disconnected')[0]).toMatchObject({ error: { code: 'SERVER_DISCONNECT', reasonCode: 0x8b }, reasonCode: 0x8b, properties: { reasonString: 'shutting down' } });
  });

  it('our own disconnect() sends DISCONNECT and reports no error', () => {
    const h = new Harness({ protocolVersion: 5 }).connect();
    h.clear();
    h.run(h.session.disconnect({ reasonCode: 0x04 }, h.now));
    expect(h.broker.received).toEqual([{ type: 'disconnect', reasonCode: 0x04 }]);
    expect(h.of('disconnected')[0]?.error).toBeUndefined();
  });
});
