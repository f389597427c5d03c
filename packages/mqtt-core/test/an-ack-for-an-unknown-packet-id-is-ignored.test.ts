// An acknowledgement for a packet id that is not in flight is no protocol violation in 3.1.1 or 5.0
// (a slow broker acknowledges both a message and its DUP resend [MQTT-4.3.2-2]): the session warns
// and keeps the connection; an unknown PUBREC still gets its PUBREL (v5: 0x92 Packet Identifier not found).
import { describe, expect, it } from 'vitest';
import { Harness, text } from './helpers/harness.js';

describe.each([4, 5] as const)('MQTT level %i: an ack for an unknown packet id', (protocolVersion) => {
  const connected = () => {
    const h = new Harness({ protocolVersion, clientId: 'c', cleanSession: false }, { ackPublishes: false, connack: { sessionPresent: true, reasonCode: 0 } }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('m'), qos: 1 }, h.now).effects);
    h.clear();
    return h;
  };

  it.each(['puback', 'pubcomp'] as const)('an unknown %s is a warning; the connection and the in-flight message stay', (type) => {
    const h = connected();
    h.brokerSends({ type, packetId: 13423 });
    expect(h.of('warning').map((w) => w.error.code)).toEqual(['UNKNOWN_PACKET_ID']);
    expect(h.of('error', 'close', 'disconnected')).toEqual([]);
    expect(h.broker.sent('disconnect')).toEqual([]);
    expect(h.session.state).toBe('connected');
    expect(h.session.inflightCount).toBe(1);
  });

  it('an unknown PUBREC is answered with PUBREL and the connection stays', () => {
    const h = connected();
    h.brokerSends({ type: 'pubrec', packetId: 13423 });
    const pubrel = h.broker.sent('pubrel')[0];
    expect(pubrel?.packetId).toBe(13423);
    expect(pubrel?.reasonCode).toBe(protocolVersion === 5 ? 0x92 : undefined);
    expect(h.of('close')).toEqual([]);
    expect(h.session.state).toBe('connected');
  });

  it('an unknown SUBACK or UNSUBACK is a warning, not a close', () => {
    const h = connected();
    h.brokerSends({ type: 'suback', packetId: 999, reasonCodes: [0] });
    h.brokerSends({ type: 'unsuback', packetId: 998, ...(protocolVersion === 5 ? { reasonCodes: [0] } : {}) });
    expect(h.of('warning')).toHaveLength(2);
    expect(h.of('close')).toEqual([]);
    expect(h.session.state).toBe('connected');
  });

  it('the PUBACK of a DUP resend, after the first PUBACK completed the message, changes nothing', () => {
    const h = new Harness({ protocolVersion, retryInterval: 5 }, { ackPublishes: false }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('m'), qos: 1 }, h.now).effects);
    if (protocolVersion === 4) h.advance(5000); // 3.1.1 resends with DUP after the retry interval
    const sent = h.broker.sent('publish');
    const id = sent[0]?.packetId ?? 0;
    expect(sent.at(-1)?.dup).toBe(protocolVersion === 4);
    h.brokerSends({ type: 'puback', packetId: id });
    h.brokerSends({ type: 'puback', packetId: id });
    expect(h.of('published')).toHaveLength(1);
    expect(h.of('warning')).toHaveLength(1);
    expect(h.session.state).toBe('connected');
  });
});
