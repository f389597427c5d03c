import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../src/session/session-store.js';
import { Harness, str, text } from './helpers/harness.js';

const inflight = (mid: number, packetId: number): StoredMessage => ({
  mid,
  topic: 't',
  payload: text(`m${mid}`),
  qos: 1,
  retain: false,
  properties: undefined,
  packetId,
  state: 'wait-puback',
});

describe('MQTT 3.1.1 retries of unacknowledged messages', () => {
  it('turned off and on again while a message is in flight: the retry timer is armed again from then, and the message is resent', () => {
    const h = new Harness({ clientId: 'c', retryInterval: 5 }, { ackPublishes: false }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('m'), qos: 1 }, h.now).effects);
    expect(h.timers.get('retry')).toBe(5000);
    h.session.configure({ retryInterval: 0 });
    h.advance(5000); // the armed timer fires: retries are off now, nothing is resent and the timer goes
    expect(h.broker.sent('publish')).toHaveLength(1);
    expect(h.timers.has('retry')).toBe(false);
    h.session.configure({ retryInterval: 5 });
    h.brokerSends({ type: 'pingresp' }); // any input lets the session arm its timers again
    expect(h.timers.get('retry')).toBe(10_000);
    h.advance(5000);
    expect(h.broker.sent('publish').map((p) => p.dup)).toEqual([false, true]);
  });

  it('a message held back after a resume (more in flight than maxInflightMessages) is not resent by the retry timer until it is on the wire', () => {
    const h = new Harness({ clientId: 'c', cleanSession: false, maxInflightMessages: 1, retryInterval: 5 }, { ackPublishes: false, connack: { sessionPresent: true, reasonCode: 0 } });
    h.session.restore({ version: 1, outgoing: [inflight(1, 11), inflight(2, 12)], incomingQos2: [], nextMid: 3 });
    h.connect();
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['m1']);
    h.advance(5000);
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['m1', 'm1']);
    h.brokerSends({ type: 'puback', packetId: 11 });
    expect(h.broker.sent('publish').map((p) => [str(p.payload), p.packetId, p.dup])).toEqual([
      ['m1', 11, true],
      ['m1', 11, true],
      ['m2', 12, true],
    ]);
  });
});
