import { describe, expect, it } from 'vitest';
import { toSubscriptions } from '../src/topic/subscribe-args.js';
import { Harness } from './helpers/harness.js';

describe('subscribe and unsubscribe', () => {
  it('accept the three Paho forms', () => {
    expect(toSubscriptions('my/topic', 2)).toEqual([{ topicFilter: 'my/topic', qos: 2 }]);
    expect(toSubscriptions(['my/topic', 1])).toEqual([{ topicFilter: 'my/topic', qos: 1 }]);
    expect(toSubscriptions([['a', 0], ['b', 2]])).toEqual([{ topicFilter: 'a', qos: 0 }, { topicFilter: 'b', qos: 2 }]);
    expect(() => toSubscriptions('a', 3 as 0)).toThrow(expect.objectContaining({ code: 'INVALID_QOS' }));
    expect(() => toSubscriptions('')).toThrow(expect.objectContaining({ code: 'INVALID_TOPIC' }));
  });

  it('report SUBACK failures (0x80) per filter', () => {
    const h = new Harness({}, { subackCodes: [1, 0x80] }).connect();
    const r = h.session.subscribe(toSubscriptions([['ok', 1], ['denied', 2]]), undefined, h.now);
    h.run(r.effects);
    expect(h.of('subscribed')).toEqual([{ type: 'subscribed', mid: r.mid, reasonCodes: [1, 0x80], properties: undefined }]);
  });

  it('send v5 subscription options and a subscription identifier', () => {
    const h = new Harness({ protocolVersion: 5 }).connect();
    h.run(h.session.subscribe([{ topicFilter: 'a/#', qos: 1, noLocal: true, retainAsPublished: true, retainHandling: 2 }], { subscriptionIdentifiers: [7] }, h.now).effects);
    expect(h.broker.sent('subscribe')[0]).toMatchObject({ subscriptions: [{ topicFilter: 'a/#', qos: 1, noLocal: true, retainAsPublished: true, retainHandling: 2 }], properties: { subscriptionIdentifiers: [7] } });
  });

  it('answer NO_CONNECTION and a failed request when not connected, as Paho does', () => {
    const h = new Harness();
    const r = h.session.subscribe([{ topicFilter: 'a', qos: 0 }], undefined, 0);
    expect(r.rc).toBe(4);
    expect(r.effects).toEqual([{ type: 'requestFailed', mid: r.mid, error: expect.objectContaining({ code: 'NOT_CONNECTED' }) }]);
  });

  it('fail a pending subscribe when its connection is lost, and unsubscribe reports reason codes', () => {
    const h = new Harness({ protocolVersion: 5 }).connect();
    const u = h.session.unsubscribe(['a', 'b'], undefined, h.now);
    h.run(u.effects);
    expect(h.of('unsubscribed')[0]?.reasonCodes).toEqual([0, 0]);
    h.broker.script.subackCodes = [];
    h.open = false; // the broker never answers
    const s = h.session.subscribe([{ topicFilter: 'x', qos: 0 }], undefined, h.now);
    h.run(s.effects);
    h.run(h.session.connectionClosed(h.now));
    expect(h.of('requestFailed')).toEqual([{ type: 'requestFailed', mid: s.mid, error: expect.objectContaining({ code: 'CONNECTION_CLOSED' }) }]);
  });
});
