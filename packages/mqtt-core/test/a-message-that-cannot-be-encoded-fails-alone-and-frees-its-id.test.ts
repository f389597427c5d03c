import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../src/session/session-store.js';
import { Harness, str, text } from './helpers/harness.js';

const stored = (mid: number, topic: string, state: StoredMessage['state'] = 'queued', packetId?: number): StoredMessage => ({
  mid,
  topic,
  payload: text(`m${mid}`),
  qos: 1,
  retain: false,
  properties: undefined,
  packetId,
  state,
});

describe('a message the encoder refuses inside pump or a resend (restored from a store, say)', () => {
  it('queued: fails with requestFailed, its packet id is released, the good one behind it goes out', () => {
    const h = new Harness({ clientId: 'c', cleanSession: false, maxInflightMessages: 1 }, { ackPublishes: false });
    h.session.restore({ version: 1, outgoing: [stored(1, 'a/#'), stored(2, ''), stored(3, 'ok')], incomingQos2: [], nextMid: 4 });
    expect(() => h.connect()).not.toThrow();
    expect(h.of('requestFailed').map((e) => [e.mid, e.error.code])).toEqual([
      [1, 'INVALID_TOPIC'],
      [2, 'INVALID_TOPIC'],
    ]);
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['m3']);
    expect(h.session.inflightCount).toBe(1);
  });

  it('in flight when the session resumes: the DUP resend is refused, the message fails, the window frees up', () => {
    const h = new Harness({ clientId: 'c', cleanSession: false, maxInflightMessages: 1 }, { connack: { sessionPresent: true, reasonCode: 0 } });
    h.session.restore({ version: 1, outgoing: [stored(1, 'bad/+', 'wait-puback', 7), stored(2, 'ok')], incomingQos2: [], nextMid: 3 });
    expect(() => h.connect()).not.toThrow();
    expect(h.of('requestFailed').map((e) => [e.mid, e.error.code])).toEqual([[1, 'INVALID_TOPIC']]);
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['m2']);
    expect(h.of('published').map((e) => e.mid)).toEqual([2]);
  });

  it('65,535 refused messages leak no packet id: a valid one after them is still sent', () => {
    const bad = Array.from({ length: 65_535 }, (_, i) => stored(i + 1, '#'));
    const h = new Harness({ clientId: 'c', cleanSession: false, maxInflightMessages: 0 });
    h.session.restore({ version: 1, outgoing: [...bad, stored(65_536, 'ok')], incomingQos2: [], nextMid: 65_537 });
    h.connect();
    expect(h.of('requestFailed')).toHaveLength(65_535);
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['m65536']);
    h.run(h.session.subscribe([{ topicFilter: 's', qos: 0 }], undefined, h.now).effects);
    expect(h.of('subscribed')).toHaveLength(1);
  });
});
