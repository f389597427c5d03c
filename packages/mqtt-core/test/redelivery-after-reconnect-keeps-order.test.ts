import { describe, expect, it } from 'vitest';
import { Harness, str, text } from './helpers/harness.js';

describe('redelivery after a reconnect', () => {
  it('resends unacknowledged PUBLISH with DUP and PUBREL, in their original order, with the same ids, before anything new', () => {
    const h = new Harness({ clientId: 'c', cleanSession: false }, { connack: { sessionPresent: true, reasonCode: 0 }, ackPublishes: false }).connect();
    for (const [i, qos] of [[1, 1], [2, 2], [3, 1], [4, 2]] as const) h.run(h.session.publish({ topic: 't', payload: text(`m${i}`), qos }, h.now).effects);
    // the broker acknowledges m2 with PUBREC only, so m2 waits for PUBCOMP
    const m2 = h.broker.sent('publish')[1];
    h.brokerSends({ type: 'pubrec', packetId: m2?.packetId ?? 0 });
    const ids = h.broker.sent('publish').map((p) => p.packetId);
    h.drop();
    const r5 = h.session.publish({ topic: 't', payload: text('m5'), qos: 1 }, h.now);
    expect(r5.rc).toBe(4); // NO_CONNECTION: queued
    h.run(r5.effects);
    h.clear();
    h.connect();
    const resent = h.broker.received.filter((p) => p.type !== 'connect');
    expect(resent.map((p) => (p.type === 'publish' ? `publish ${str(p.payload)} dup=${p.dup} id=${p.packetId}` : `${p.type} id=${'packetId' in p ? p.packetId : ''}`))).toEqual([
      `publish m1 dup=true id=${ids[0]}`,
      `pubrel id=${ids[1]}`,
      `publish m3 dup=true id=${ids[2]}`,
      `publish m4 dup=true id=${ids[3]}`,
      `publish m5 dup=false id=${resent[4]?.type === 'publish' ? resent[4].packetId : 'x'}`,
    ]);
  });

  it('resends with the original ids even when the broker lost the session (session present 0), so a PUBREC\'d QoS 2 message is not published twice', () => {
    const h = new Harness({ clientId: 'c', cleanSession: false }, { connack: { sessionPresent: false, reasonCode: 0 }, ackPublishes: false }).connect();
    for (const [i, qos] of [[1, 1], [2, 2]] as const) h.run(h.session.publish({ topic: 't', payload: text(`m${i}`), qos }, h.now).effects);
    const [m1, m2] = h.broker.sent('publish');
    h.brokerSends({ type: 'pubrec', packetId: m2?.packetId ?? 0 });
    h.drop();
    h.clear();
    h.connect();
    const resent = h.broker.received.filter((p) => p.type !== 'connect');
    expect(resent.map((p) => (p.type === 'publish' ? `publish ${str(p.payload)} dup=${p.dup} id=${p.packetId}` : `${p.type} id=${'packetId' in p ? p.packetId : ''}`))).toEqual([
      `publish m1 dup=true id=${m1?.packetId}`,
      `pubrel id=${m2?.packetId}`,
    ]);
  });
});

