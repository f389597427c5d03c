// Bad input is refused with SESSION_STORE_ERROR (or INVALID_ARGUMENT for options) without harming
// the store; a database of a newer format, or one that is not a session store, is refused at open()
// and left untouched.
import { describe, expect, it } from 'vitest';
import { IndexedDbSessionStore } from '../src/index.js';
import { freshIndexedDb, openStore, rawDatabase, readStore, writeRaw } from './helpers/fake-db.js';
import { del, message, put, putIn } from './helpers/messages.js';

describe('what the store cannot take', () => {
  it('rejects an operation with an invalid packet id or mid and keeps accepting valid ones', async () => {
    const store = await openStore(freshIndexedDb());
    await expect(store.apply(putIn(0))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
    await expect(store.apply(putIn(1.5))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
    await expect(store.apply(put(message(1, { packetId: 70_000 })))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
    await expect(store.apply(put(message(0)))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
    await expect(store.apply(del(-1))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
    await store.apply(putIn(5));
    expect(store.load()?.incomingQos2).toEqual([5]);
    await store.close();
  });

  it('refuses a database of a newer format version and does not modify it', async () => {
    const factory = freshIndexedDb();
    const newer = await rawDatabase(factory, 'session', 2, (db) => db.createObjectStore('outgoing'));
    await writeRaw(newer, 'outgoing', [[1, 'from the future']]);
    newer.close();
    await expect(openStore(factory)).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR', message: expect.stringContaining('newer format') });
    const db = await rawDatabase(factory, 'session', 2);
    expect(await readStore(db, 'outgoing')).toEqual([[1, 'from the future']]);
    db.close();
  });

  it('refuses a database at version 1 that is not a session store', async () => {
    const factory = freshIndexedDb();
    (await rawDatabase(factory, 'other-app', 1, (db) => db.createObjectStore('things'))).close();
    await expect(openStore(factory, 'other-app')).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR', message: expect.stringContaining('not a session store') });
  });

  it('rejects apply() after close()', async () => {
    const store = await openStore(freshIndexedDb());
    await store.close();
    await expect(store.apply(putIn(1))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR', message: expect.stringContaining('closed') });
  });

  it('refuses bad options and a missing IndexedDB', async () => {
    await expect(IndexedDbSessionStore.open('')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(openStore(freshIndexedDb(), 'x', { durability: 'fast' as 'strict' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((globalThis as { indexedDB?: unknown }).indexedDB).toBeUndefined();
    await expect(IndexedDbSessionStore.open('x')).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR', message: expect.stringContaining('no IndexedDB') });
  });
});
