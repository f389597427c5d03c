// The session's building blocks are exported "usable on their own" (src/index.ts): the parts of
// their API the Session itself does not call are held to their documentation here.
import { describe, expect, it } from 'vitest';
import { connackReasonCode, connackString } from '../src/session/connack-codes.js';
import { InflightWindow } from '../src/session/inflight-window.js';
import { Keepalive } from '../src/session/keepalive.js';
import { OutgoingQueue } from '../src/session/outgoing-queue.js';
import { PacketIdAllocator } from '../src/session/packet-id-allocator.js';
import { InboundTopicAliases, OutboundTopicAliases } from '../src/session/topic-aliases.js';

describe('the session building blocks, used on their own', () => {
  it('connackString and connackReasonCode give Paho\'s "unknown reason" and 0x80 for a 3.1.1 code outside the table', () => {
    expect(connackString(6, 4)).toBe('Connection Refused: unknown reason.');
    expect(connackReasonCode(6, 4)).toBe(0x80);
    expect(connackReasonCode(5, 4)).toBe(0x87);
    expect(connackReasonCode(0x86, 5)).toBe(0x86);
  });

  it('an OutgoingQueue shifts undefined when empty, and remove() takes out the matching items in order, keeping the rest in order', () => {
    const q = new OutgoingQueue<number>();
    expect(q.shift()).toBeUndefined();
    for (let i = 1; i <= 6; i++) q.push(i);
    q.shift();
    expect(q.remove((n) => n % 2 === 0)).toEqual([2, 4, 6]);
    expect(q.toArray()).toEqual([3, 5]);
    expect(q.size).toBe(2);
  });

  it('an InflightWindow drain() empties it and returns the entries in the order they entered', () => {
    const w = new InflightWindow<string>(2);
    w.add({ message: 'b', packetId: 9, state: 'wait-puback', sentAt: 0 });
    w.add({ message: 'a', packetId: 3, state: 'wait-pubrec', sentAt: 0 });
    expect(w.hasRoom).toBe(false);
    expect(w.drain().map((e) => e.message)).toEqual(['b', 'a']);
    expect(w.size).toBe(0);
    expect(w.hasRoom).toBe(true);
  });

  it('Keepalive.pingOutstanding is true from a PINGREQ until anything is received', () => {
    const k = new Keepalive(10, 0, 0);
    expect(k.pingOutstanding).toBe(false);
    k.pingSent(10_000);
    expect(k.pingOutstanding).toBe(true);
    expect(k.deadAt()).toBe(15_000);
    k.received(12_000);
    expect(k.pingOutstanding).toBe(false);
  });

  it('a PacketIdAllocator claims only free ids in 1..65535, wraps its cursor past 65535, and clear() frees every id', () => {
    const ids = new PacketIdAllocator();
    expect(ids.claim(0)).toBe(false);
    expect(ids.claim(65_536)).toBe(false);
    expect(ids.claim(65_535)).toBe(true);
    expect(ids.claim(65_535)).toBe(false);
    for (let i = 1; i < 65_535; i++) ids.allocate();
    expect(ids.size).toBe(65_535);
    ids.release(3);
    expect(ids.allocate()).toBe(3);
    ids.release(2); // the cursor is at 4: the search runs to 65535, wraps to 1, and finds 2
    expect(ids.allocate()).toBe(2);
    ids.clear();
    expect(ids.size).toBe(0);
    expect(ids.isInUse(2)).toBe(false);
    expect(ids.allocate()).toBe(3);
  });

  it('topic aliases refuse what the protocol refuses: an empty topic without alias inbound, an alias outside 1..maximum outbound', () => {
    expect(new InboundTopicAliases(5).resolve('', undefined)).toBeUndefined();
    const out = new OutboundTopicAliases(2);
    out.bind('a', 0);
    out.bind('b', 3);
    expect(out.assign('a')).toEqual({ topic: 'a', alias: 1 });
    expect(out.assign('b')).toEqual({ topic: 'b', alias: 2 });
  });
});
