import type { Properties } from '@x/mqtt-codec';
import { describe, expect, it } from 'vitest';
import { Harness, text } from './helpers/harness.js';

/** Properties that read fine while publish() checks them, then throw `thrown` once the caller swaps in a getter. */
function propertiesThatLaterThrow(thrown: unknown): { properties: Properties; arm: () => void } {
  const properties: Properties = { contentType: 'text/plain' };
  return {
    properties,
    arm: () => {
      Object.defineProperty(properties, 'topicAlias', {
        enumerable: true,
        get() {
          throw thrown;
        },
      });
    },
  };
}

describe('an input the session cannot handle is reported, never thrown (Session.receive is total)', () => {
  it('a queued message whose properties object was changed to throw: the CONNACK that sends it gives INTERNAL_ERROR and a DISCONNECT 0x83', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' });
    const bad = propertiesThatLaterThrow(new TypeError('boom'));
    h.session.publish({ topic: 't', payload: text('x'), qos: 1, properties: bad.properties }, h.now);
    bad.arm();
    expect(() => h.connect()).not.toThrow();
    const error = h.of('error')[0]?.error;
    expect(error?.code).toBe('INTERNAL_ERROR');
    expect(error?.message).toContain('boom');
    expect(error?.reasonCode).toBe(0x83);
    expect(h.broker.sent('disconnect').map((d) => d.reasonCode)).toEqual([0x83]);
    expect(h.session.state).toBe('disconnected');
  });

  it('the same when what is thrown is not an Error', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' });
    const bad = propertiesThatLaterThrow('a string');
    h.session.publish({ topic: 't', payload: text('x'), qos: 0, properties: bad.properties }, h.now);
    bad.arm();
    expect(() => h.connect()).not.toThrow();
    expect(h.of('error').map((e) => [e.error.code, e.error.message.endsWith('a string')])).toEqual([['INTERNAL_ERROR', true]]);
  });
});
