import { describe, expect, it } from 'vitest';
import type { Packet } from '@x/mqtt-codec';
import { ScriptedBroker } from './helpers/scripted-broker.js';
import { Harness, str, text } from './helpers/harness.js';

describe('when all 65535 packet ids are in use [MQTT-2.3.1-2]', () => {
  it('a subscribe fails with QUEUE_FULL, a QoS 1 message waits in the queue, and goes once an ack frees an id', () => {
    const h = new Harness({ clientId: 'c', maxInflightMessages: 0, persistEffects: false }, { ackPublishes: false });
    // this broker holds SUBACKs back, so the SUBSCRIBE keeps its id
    h.broker.answer = (p: Packet) => (p.type === 'subscribe' ? [] : ScriptedBroker.prototype.answer.call(h.broker, p));
    h.connect();
    h.run(h.session.subscribe([{ topicFilter: 's', qos: 1 }], undefined, h.now).effects);
    for (let i = 0; i < 65_534; i++) h.session.publish({ topic: 't', payload: text('m'), qos: 1 }, h.now);
    expect(h.session.inflightCount).toBe(65_534);

    const refused = h.session.subscribe([{ topicFilter: 'r', qos: 0 }], undefined, h.now);
    expect(refused.rc).toBe(15);
    expect(refused.effects.map((e) => (e.type === 'requestFailed' ? e.error.code : e.type))).toEqual(['QUEUE_FULL']);

    const waiting = h.session.publish({ topic: 't', payload: text('last'), qos: 1 }, h.now);
    expect(waiting.rc).toBe(0);
    expect(waiting.effects.filter((e) => e.type === 'send')).toEqual([]);
    expect(h.session.queuedCount).toBe(1);

    h.clear();
    h.brokerSends({ type: 'puback', packetId: 2 }); // the SUBSCRIBE holds id 1, the messages 2..65535
    expect(h.broker.sent('publish').map((p) => [str(p.payload), p.packetId])).toEqual([['last', 2]]);
    expect(h.session.queuedCount).toBe(0);
  });
});
