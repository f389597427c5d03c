// Operations applied while a transaction is in flight share the next one (group commit), in order;
// an awaited operation at a time costs one transaction each.
import { describe, expect, it } from 'vitest';
import { freshIndexedDb, openStore } from './helpers/fake-db.js';
import { del, message, put } from './helpers/messages.js';

describe('transactions per operation', () => {
  it('commits 100 operations applied at once in far fewer transactions, in order', async () => {
    const factory = freshIndexedDb();
    const store = await openStore(factory);
    const settled: number[] = [];
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.apply(put(message(i + 1))).then(() => settled.push(i + 1))));
    expect(settled).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(store.stats.operations).toBe(100);
    expect(store.stats.transactions).toBeGreaterThanOrEqual(1);
    expect(store.stats.transactions).toBeLessThanOrEqual(3);
    await store.close();
    const reopened = await openStore(factory);
    expect(reopened.load()?.outgoing.map((m) => m.mid)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    await reopened.close();
  });

  it('uses one transaction per operation when each is awaited before the next', async () => {
    const store = await openStore(freshIndexedDb());
    for (let mid = 1; mid <= 10; mid++) {
      await store.apply(put(message(mid)));
      await store.apply(del(mid));
    }
    expect(store.stats).toEqual({ operations: 20, transactions: 20 });
    expect(store.load()).toBeUndefined();
    await store.close();
  });

  it('close() waits for every applied operation to commit', async () => {
    const factory = freshIndexedDb();
    const store = await openStore(factory);
    const applied = Array.from({ length: 20 }, (_, i) => store.apply(put(message(i + 1))));
    await store.close();
    await Promise.all(applied);
    const reopened = await openStore(factory);
    expect(reopened.load()?.outgoing).toHaveLength(20);
    await reopened.close();
  });
});
