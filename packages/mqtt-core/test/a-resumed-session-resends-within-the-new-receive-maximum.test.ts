import { describe, expect, it } from 'vitest';
import { Harness, str, text } from './helpers/harness.js';

describe('resuming a session honours the Receive Maximum of the new CONNACK [MQTT-3.3.4-7]', () => {
  it('10 unacknowledged QoS 1 in flight, the new broker allows 2: 2 are resent, the next ones as acks make room, in order', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c', cleanSession: false, maxInflightMessages: 0 }, { ackPublishes: false }).connect();
    for (let i = 0; i < 10; i++) h.run(h.session.publish({ topic: 't', payload: text(`m${i}`), qos: 1 }, h.now).effects);
    expect(h.broker.sent('publish')).toHaveLength(10);
    h.drop();
    h.clear();
    h.broker.script.connack = { sessionPresent: true, reasonCode: 0, properties: { receiveMaximum: 2 } };
    h.connect();
    const resent = () => h.broker.sent('publish').map((p) => [str(p.payload), p.dup]);
    expect(resent()).toEqual([
      ['m0', true],
      ['m1', true],
    ]);
    const ids = new Map(h.broker.sent('publish').map((p) => [str(p.payload), p.packetId ?? 0]));
    h.brokerSends({ type: 'puback', packetId: ids.get('m0') ?? 0 });
    expect(resent().map(([payload]) => payload)).toEqual(['m0', 'm1', 'm2']);
    h.brokerSends({ type: 'puback', packetId: ids.get('m1') ?? 0 });
    expect(resent().map(([payload]) => payload)).toEqual(['m0', 'm1', 'm2', 'm3']);
    // never more than 2 unacknowledged on the wire
    expect(h.session.inflightCount).toBe(8);
  });

  it('QoS 2 waiting for PUBCOMP: every PUBREL goes, PUBLISH resends only within the window', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c', cleanSession: false, maxInflightMessages: 0 }, { ackPublishes: false }).connect();
    for (let i = 0; i < 3; i++) h.run(h.session.publish({ topic: 't', payload: text(`q${i}`), qos: 2 }, h.now).effects);
    const first = h.broker.sent('publish')[0]?.packetId ?? 0;
    h.brokerSends({ type: 'pubrec', packetId: first });
    h.drop();
    h.clear();
    h.broker.script.connack = { sessionPresent: true, reasonCode: 0, properties: { receiveMaximum: 2 } };
    h.connect();
    expect(h.broker.sent('pubrel').map((p) => p.packetId)).toEqual([first]);
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['q1']);
  });
});
