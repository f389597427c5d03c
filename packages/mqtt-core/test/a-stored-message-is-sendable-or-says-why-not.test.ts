import { describe, expect, it } from 'vitest';
import { isPacketId, unsendableReason } from '../src/index.js';
import type { StoredMessage } from '../src/session/session-store.js';

const ok: StoredMessage = { mid: 1, topic: 'a/b', payload: new Uint8Array([1]), qos: 1, retain: false, properties: undefined, packetId: 5, state: 'wait-puback' };

describe('unsendableReason: the one rule every SessionStore applies to what it stores', () => {
  it('a message the session can send has no reason; a queued one needs no packet id; v5 properties are checked as v5', () => {
    expect(unsendableReason(ok)).toBeUndefined();
    expect(unsendableReason({ ...ok, packetId: undefined, state: 'queued' })).toBeUndefined();
    expect(unsendableReason({ ...ok, qos: 2, state: 'wait-pubcomp', properties: { contentType: 'text/plain' } })).toBeUndefined();
  });

  it.each([
    ['QoS 0', { qos: 0 }, /not a stored QoS/],
    ['a state of the other QoS', { state: 'wait-pubrec' }, /does not fit QoS 1/],
    ['packet id 0', { packetId: 0 }, /out of range/],
    ['in flight without a packet id', { packetId: undefined }, /needs a packet id/],
    ['a wildcard topic', { topic: 'a/#' }, /not a valid topic name/],
    ['an unknown property', { properties: { colour: 'red' } }, /./],
  ] as const)('%s: the reason says why', (_what, change, reason) => {
    expect(unsendableReason({ ...ok, ...change } as unknown as StoredMessage)).toMatch(reason);
  });

  it('isPacketId: integers 1..65535 only', () => {
    expect([1, 65535].map(isPacketId)).toEqual([true, true]);
    expect([0, 65536, 1.5, -1].map(isPacketId)).toEqual([false, false, false, false]);
  });
});
