import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../src/session/session-store.js';
import { Session } from '../src/session/session.js';
import { Harness, str, text } from './helpers/harness.js';

const message = (mid: number, state: StoredMessage['state'], packetId?: number): StoredMessage => ({
  mid,
  topic: 't',
  payload: text(`m${mid}`),
  qos: 1,
  retain: false,
  properties: undefined,
  packetId,
  state,
});

describe('snapshot and restore', () => {
  it('a snapshot holds queued QoS 1 and 2 messages and leaves queued QoS 0 ones out', () => {
    const session = new Session({ clientId: 'c' });
    session.publish({ topic: 'a', payload: text('q0'), qos: 0 }, 0);
    session.publish({ topic: 'b', payload: text('q1'), qos: 1 }, 0);
    session.publish({ topic: 'c', payload: text('q2'), qos: 2 }, 0);
    expect(session.snapshot().outgoing.map((m) => [m.topic, m.qos, m.state])).toEqual([
      ['b', 1, 'queued'],
      ['c', 2, 'queued'],
    ]);
  });

  it('a restored message whose packet id is taken or out of range goes back to the queue and gets a fresh id; the first keeps its id', () => {
    const h = new Harness({ clientId: 'c', cleanSession: false }, { ackPublishes: false, connack: { sessionPresent: true, reasonCode: 0 } });
    h.session.restore({ version: 1, outgoing: [message(1, 'wait-puback', 9), message(2, 'wait-puback', 9), message(3, 'wait-puback', 0), message(4, 'wait-puback', 70_000)], incomingQos2: [], nextMid: 5 });
    expect(h.session.inflightCount).toBe(1);
    expect(h.session.queuedCount).toBe(3);
    h.connect();
    const sent = h.broker.sent('publish').map((p) => [str(p.payload), p.packetId, p.dup]);
    expect(sent[0]).toEqual(['m1', 9, true]);
    expect(sent.slice(1).map(([payload, , dup]) => [payload, dup])).toEqual([
      ['m2', false],
      ['m3', false],
      ['m4', false],
    ]);
    expect(new Set(sent.map(([, id]) => id)).size).toBe(4);
  });
});
