// Put and delete of many messages would grow the log forever; compaction keeps it near the size
// of the live state, and the live state intact.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSessionStore, LOG_FILE } from '../src/index.js';
import { del, message, put } from './helpers/messages.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('a log that grows past its compaction threshold', () => {
  it('is rewritten to about the size of the live state, which survives a reopen', async () => {
    const dir = await tempDir();
    const store = await FileSessionStore.open(dir, { durability: 'none', compactMinBytes: 16 * 1024, compactRatio: 4 });
    const payload = new Uint8Array(100);
    await store.apply(put(message(1, { payload })));
    let largest = 0;
    for (let mid = 2; mid <= 3000; mid++) {
      await store.apply(put(message(mid, { payload })));
      await store.apply(del(mid));
      largest = Math.max(largest, store.logSize);
    }
    // 3000 puts of ~130 bytes = ~400 KB uncompacted; the threshold holds it near 16 KiB.
    expect(largest).toBeLessThan(20 * 1024);
    await store.close();
    expect((await stat(join(dir, LOG_FILE))).size).toBeLessThan(20 * 1024);

    const reopened = await FileSessionStore.open(dir);
    expect(reopened.load()?.outgoing.map((m) => m.mid)).toEqual([1]);
    expect(reopened.load()?.nextMid).toBe(3001);
    await reopened.close();
  });
});
