// A record the session could not send (a wildcard or empty topic, bad v5 properties, a QoS or
// state that cannot be stored, a packet id out of range, the wrong types) is damage: open() drops
// and deletes it, reports it, keeps every good record, and never hands it to the session.
import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '@x/mqtt-core';
import type { DamageReport } from '../src/index.js';
import { freshIndexedDb, openStore, rawDatabase, readStore, writeRaw } from './helpers/fake-db.js';
import { message, put, putIn } from './helpers/messages.js';

/** The record the store writes for `m`, with fields overridden. */
function record(m: StoredMessage, order: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { order, ...m, ...overrides };
}

const CASES: readonly (readonly [string, Record<string, unknown>, RegExp])[] = [
  ['a wildcard topic', { topic: 'a/#' }, /not a valid topic name/],
  ['an empty topic', { topic: '' }, /not a valid topic name/],
  ['a topic over 65,535 UTF-8 bytes', { topic: 'é'.repeat(40_000) }, /topic|65535|long/i],
  ['QoS 0', { qos: 0 }, /QoS 0/],
  ['QoS 3', { qos: 3 }, /QoS 3/],
  ['a state that does not fit the QoS', { state: 'wait-pubrec' }, /does not fit QoS 1/],
  ['an unknown state', { state: 'sent' }, /does not fit/],
  ['an in-flight state without a packet id', { packetId: undefined }, /needs a packet id/],
  ['packet id 0', { packetId: 0 }, /out of range/],
  ['packet id 70000', { packetId: 70_000 }, /out of range/],
  ['a payload that is a string', { payload: 'abc' }, /payload/],
  ['retain that is not a boolean', { retain: 1 }, /retain/],
  ['an unknown property', { properties: { notAProperty: 1 } }, /notAProperty|propert/i],
  ['topic alias 0', { properties: { topicAlias: 0 } }, /alias/i],
  ['a mid that is not its key', { mid: 99 }, /not the record's mid/],
  ['no order', { order: undefined }, /order/],
];

describe('a crafted record the session could not send', () => {
  for (const [what, overrides, reason] of CASES) {
    it(`is dropped and reported at open(): ${what}`, async () => {
      const factory = freshIndexedDb();
      const good = await openStore(factory);
      await good.apply(put(message(1)));
      await good.apply(put(message(3)));
      await good.close();
      const db = await rawDatabase(factory, 'session');
      await writeRaw(db, 'outgoing', [[2, record(message(2), 1, overrides)]]);

      const reports: DamageReport[] = [];
      const store = await openStore(factory, 'session', { onDamage: (report) => reports.push(report) });
      expect(store.load()?.outgoing.map((m) => m.mid)).toEqual([1, 3]);
      expect(store.damage?.records).toEqual([{ store: 'outgoing', key: 2, reason: expect.stringMatching(reason) }]);
      expect(store.damage?.error).toMatchObject({ code: 'SESSION_STORE_ERROR' });
      expect(reports).toEqual([store.damage]);
      await store.close();
      // Deleted, so the next open is clean.
      expect((await readStore(db, 'outgoing')).map(([key]) => key)).toEqual([1, 3]);
      db.close();
      const again = await openStore(factory);
      expect(again.damage).toBeUndefined();
      await again.close();
    });
  }

  it('drops an inbound id out of range and a nextMid that is not a number, keeping good ids', async () => {
    const factory = freshIndexedDb();
    const good = await openStore(factory);
    await good.apply(putIn(4));
    await good.apply(put(message(6)));
    await good.close();
    const db = await rawDatabase(factory, 'session');
    await writeRaw(db, 'incoming', [[0, 0], [70_000, 70_000], [5, 6]]);
    await writeRaw(db, 'meta', [['nextMid', 'seven']]);
    db.close();

    const store = await openStore(factory);
    expect(store.load()).toMatchObject({ incomingQos2: [4], nextMid: 7 });
    expect(store.damage?.records.map((r) => [r.store, r.key])).toEqual([['incoming', 0], ['incoming', 5], ['incoming', 70_000], ['meta', 'nextMid']]);
    await store.close();
    const again = await openStore(factory);
    expect(again.damage).toBeUndefined();
    expect(again.load()).toMatchObject({ incomingQos2: [4], nextMid: 7 });
    await again.close();
  });

  it('is never written by apply(), which refuses it with SESSION_STORE_ERROR', async () => {
    const factory = freshIndexedDb();
    const store = await openStore(factory);
    await expect(store.apply(put(message(1, { topic: 'a/+' })))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR', message: expect.stringContaining('not a valid topic name') });
    await expect(store.apply(put(message(2, { qos: 1, state: 'wait-pubcomp' })))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
    await expect(store.apply(put(message(3, { properties: { topicAlias: 0 } })))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
    await store.apply(put(message(4)));
    expect(store.load()?.outgoing.map((m) => m.mid)).toEqual([4]);
    await store.close();
    const db = await rawDatabase(factory, 'session');
    expect((await readStore(db, 'outgoing')).map(([key]) => key)).toEqual([4]);
    db.close();
  });
});
