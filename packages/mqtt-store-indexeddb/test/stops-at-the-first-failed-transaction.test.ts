// A transaction that aborts (quota exceeded, I/O error) or a database deleted or upgraded by
// another tab makes the store fail-stop: that operation and every later one reject with
// SESSION_STORE_ERROR, no later transaction starts, and the database keeps the committed prefix.
import { afterEach, describe, expect, it } from 'vitest';
import { freshIndexedDb, openStore, rawDatabase } from './helpers/fake-db.js';
import { message, put } from './helpers/messages.js';

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** Makes the next readwrite transaction of any connection of `factory` abort, as a full disk would. */
async function abortNextReadwriteTransaction(factory: IDBFactory): Promise<void> {
  const probe = await rawDatabase(factory, 'probe');
  const prototype = Object.getPrototypeOf(probe) as { transaction: IDBDatabase['transaction'] };
  probe.close();
  const original = prototype.transaction;
  prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const transaction = original.apply(this, args);
    if (args[1] === 'readwrite') {
      prototype.transaction = original;
      queueMicrotask(() => transaction.abort());
    }
    return transaction;
  };
  restore = () => {
    prototype.transaction = original;
  };
}

describe('a failed transaction', () => {
  it('rejects its operations and every later one, and leaves the committed prefix', async () => {
    const factory = freshIndexedDb();
    const store = await openStore(factory);
    await store.apply(put(message(1)));
    await store.apply(put(message(2)));
    await abortNextReadwriteTransaction(factory);
    const failed = store.apply(put(message(3)));
    const behind = store.apply(put(message(4)));
    await expect(failed).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR', message: expect.stringContaining('aborted') });
    await expect(behind).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
    await expect(store.apply(put(message(5)))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
    await store.close();

    const reopened = await openStore(factory);
    expect(reopened.load()?.outgoing.map((m) => m.mid)).toEqual([1, 2]);
    await reopened.close();
  });

  it('stops writing when another tab upgrades the database, and does not block it', async () => {
    const factory = freshIndexedDb();
    const store = await openStore(factory);
    await store.apply(put(message(1)));
    const upgraded = await rawDatabase(factory, 'session', 2);
    expect(upgraded.version).toBe(2);
    await expect(store.apply(put(message(2)))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR', message: expect.stringContaining('deleted or upgraded elsewhere') });
    upgraded.close();
    await store.close();
  });
});
