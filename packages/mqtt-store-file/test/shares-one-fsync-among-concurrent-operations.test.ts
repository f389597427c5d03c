// Group commit: operations applied while a write and fsync are in flight are written together and
// acknowledged by the next fsync, in the order they were applied.
import { describe, expect, it } from 'vitest';
import { FileSessionStore } from '../src/index.js';
import { message, put } from './helpers/messages.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('100 operations applied without awaiting each other', () => {
  it('take a few fsyncs, not 100, and keep their order', async () => {
    const dir = await tempDir();
    const store = await FileSessionStore.open(dir);
    const mids = Array.from({ length: 100 }, (_, i) => 100 - i); // descending, so order is not sorted order
    await Promise.all(mids.map((mid) => store.apply(put(message(mid)))));
    expect(store.stats.operations).toBe(100);
    expect(store.stats.writes).toBeLessThanOrEqual(2);
    await store.close();

    const reopened = await FileSessionStore.open(dir);
    expect(reopened.load()?.outgoing.map((m) => m.mid)).toEqual(mids);
    await reopened.close();
  });
});
