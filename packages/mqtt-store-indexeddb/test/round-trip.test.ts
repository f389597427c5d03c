// What one store commits, a new store on the same database loads back exactly: messages in order
// with their properties, inbound QoS 2 ids and nextMid (including a mid raised by a deleted message).
import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from '@x/mqtt-core';
import { freshIndexedDb, openStore, rawDatabase, readStore } from './helpers/fake-db.js';
import { clearIn, del, delIn, message, put, putIn } from './helpers/messages.js';

describe('a store reopened on the same database', () => {
  it('loads nothing from a new database', async () => {
    const store = await openStore(freshIndexedDb());
    expect(store.load()).toBeUndefined();
    expect(store.damage).toBeUndefined();
    await store.close();
  });

  it('loads exactly what MemorySessionStore holds after the same operations', async () => {
    const factory = freshIndexedDb();
    const operations = [
      put(message(1)),
      put(message(2, { qos: 2, state: 'wait-pubrec', retain: true })),
      put(message(3, { state: 'queued', packetId: undefined, payload: new Uint8Array(0) })),
      put(message(4, { qos: 2, state: 'wait-pubcomp', properties: { correlationData: new Uint8Array([9, 8]), userProperties: [['k', 'v']], contentType: 'text/plain', messageExpiryInterval: 60 } })),
      put(message(2, { qos: 2, state: 'wait-pubcomp' })), // a replace keeps its place
      del(1),
      put(message(1)), // delete then put moves to the end
      put(message(9)),
      del(9), // nextMid stays raised
      putIn(7),
      putIn(8),
      delIn(7),
      clearIn,
      putIn(65535),
    ];
    const reference = new MemorySessionStore();
    const store = await openStore(factory);
    for (const operation of operations) {
      reference.apply(operation);
      await store.apply(operation);
    }
    expect(store.load()).toEqual(reference.load());
    await store.close();

    const reopened = await openStore(factory);
    expect(reopened.load()).toEqual(reference.load());
    expect(reopened.load()?.outgoing.map((m) => m.mid)).toEqual([2, 3, 4, 1]);
    expect(reopened.load()?.nextMid).toBe(10);
    await reopened.close();
  });

  it('stores only the bytes of a payload that is a view into a larger buffer', async () => {
    const factory = freshIndexedDb();
    const buffer = new Uint8Array(4096).fill(7);
    const store = await openStore(factory);
    await store.apply(put(message(1, { payload: buffer.subarray(100, 103) })));
    await store.close();

    const db = await rawDatabase(factory, 'session');
    const [[, value]] = (await readStore(db, 'outgoing')) as [[number, { payload: Uint8Array }]];
    expect(value.payload.buffer.byteLength).toBe(3);
    db.close();
    const reopened = await openStore(factory);
    expect(reopened.load()?.outgoing[0]?.payload).toEqual(new Uint8Array([7, 7, 7]));
    await reopened.close();
  });

  it('resolves apply() only once another connection can read the operation', async () => {
    const factory = freshIndexedDb();
    const store = await openStore(factory);
    const other = await rawDatabase(factory, 'session');
    await store.apply(put(message(5)));
    expect((await readStore(other, 'outgoing')).map(([key]) => key)).toEqual([5]);
    await store.apply(putIn(3));
    expect(await readStore(other, 'incoming')).toEqual([[3, 3]]);
    other.close();
    await store.close();
  });
});
