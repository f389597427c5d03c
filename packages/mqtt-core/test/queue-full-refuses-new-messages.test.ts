import { describe, expect, it } from 'vitest';
import { PublishRc } from '../src/session/effects.js';
import { Harness, text } from './helpers/harness.js';

describe('maxQueuedMessages', () => {
  it('answers QUEUE_FULL instead of growing, counting in-flight and queued messages as Paho does', () => {
    const h = new Harness({ maxQueuedMessages: 2 });
    const rcs = [1, 2, 3].map((i) => {
      const r = h.session.publish({ topic: 't', payload: text(`${i}`), qos: 1 }, h.now);
      h.run(r.effects);
      return r.rc;
    });
    expect(rcs).toEqual([PublishRc.NO_CONNECTION, PublishRc.NO_CONNECTION, PublishRc.QUEUE_FULL]);
    expect(h.session.queuedCount).toBe(2);
    h.connect();
    expect(h.broker.sent('publish')).toHaveLength(2);
    expect(h.session.publish({ topic: 't', payload: text('4'), qos: 1 }, h.now).rc).toBe(PublishRc.SUCCESS);
  });

  it('is unlimited by default', () => {
    const h = new Harness();
    for (let i = 0; i < 1000; i++) expect(h.session.publish({ topic: 't', payload: text('x'), qos: 1 }, 0).rc).toBe(PublishRc.NO_CONNECTION);
    expect(h.session.queuedCount).toBe(1000);
  });
});
