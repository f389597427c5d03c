import { describe, expect, it } from 'vitest';
import { Harness, text } from './helpers/harness.js';

describe('an inbound QoS 2 exchange reports when it is complete', () => {
  it.each([4, 5] as const)('MQTT %i: delivered once at PUBLISH, then `released` right after the PUBCOMP, once', (protocolVersion) => {
    const h = new Harness({ protocolVersion, clientId: 'c' }).connect();
    h.clear();
    const publish = { type: 'publish', topic: 't', payload: text('x'), qos: 2, retain: false, dup: false, packetId: 9 } as const;
    h.brokerSends(publish);
    h.brokerSends({ ...publish, dup: true });
    expect(h.of('message')).toHaveLength(1);
    expect(h.of('released')).toEqual([]);
    h.brokerSends({ type: 'pubrel', packetId: 9 });
    const types = h.effects.map((e) => (e.type === 'send' ? `send ${e.packet.type}` : e.type)).filter((t) => t === 'send pubcomp' || t === 'released');
    expect(types).toEqual(['send pubcomp', 'released']);
    expect(h.of('released')).toEqual([{ type: 'released', packetId: 9 }]);
    // a PUBREL for an id we do not hold is answered, but completes nothing
    h.brokerSends({ type: 'pubrel', packetId: 10 });
    expect(h.of('released')).toHaveLength(1);
  });
});
