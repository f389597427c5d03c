// Compaction writes session.log.tmp, fsyncs, renames it over session.log. A crash before the
// rename leaves a .tmp (half or fully written) beside the intact old log: open() must ignore and
// remove it, and lose nothing. A crash after the rename leaves the new log, which must be complete.
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from '@x/mqtt-core';
import { COMPACT_FILE, FileSessionStore, LOG_FILE } from '../src/index.js';
import { del, message, put, putIn } from './helpers/messages.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();
const ops = [put(message(1)), put(message(2)), putIn(9), del(1), put(message(3)), put(message(2, { state: 'queued' }))];
const expectedState = () => {
  const reference = new MemorySessionStore();
  for (const op of ops) reference.apply(op);
  return reference.load();
};

async function writeLog(dir: string, compactMinBytes = 1 << 20): Promise<void> {
  const store = await FileSessionStore.open(dir, { compactMinBytes, compactRatio: 1 });
  for (const op of ops) await store.apply(op);
  await store.close();
}

const exists = (path: string) => access(path).then(() => true, () => false);

describe('a crash during compaction', () => {
  it('before the rename, with a half-written .tmp, keeps the old log and removes the .tmp', async () => {
    const dir = await tempDir();
    await writeLog(dir);
    const log = await readFile(join(dir, LOG_FILE));
    await writeFile(join(dir, COMPACT_FILE), log.subarray(0, Math.floor(log.length / 3)));

    const store = await FileSessionStore.open(dir);
    expect(store.load()).toEqual(expectedState());
    expect(store.corruption).toBeUndefined();
    expect(await exists(join(dir, COMPACT_FILE))).toBe(false);
    await store.close();
  });

  it('before the rename, with a complete but stale .tmp, still trusts only session.log', async () => {
    const dir = await tempDir();
    const stale = await tempDir();
    const old = await FileSessionStore.open(stale);
    await old.apply(put(message(77)));
    await old.close();
    await writeLog(dir);
    await writeFile(join(dir, COMPACT_FILE), await readFile(join(stale, LOG_FILE)));

    const store = await FileSessionStore.open(dir);
    expect(store.load()).toEqual(expectedState());
    await store.close();
  });

  it('after the rename, leaves a compacted log holding the whole state', async () => {
    const dir = await tempDir();
    const uncompacted = await tempDir();
    await writeLog(uncompacted);
    await writeLog(dir, 0); // compacts before every batch
    expect((await readFile(join(dir, LOG_FILE))).length).toBeLessThan((await readFile(join(uncompacted, LOG_FILE))).length);

    const store = await FileSessionStore.open(dir, { compactMinBytes: 1 << 20 });
    expect(store.load()).toEqual(expectedState());
    await store.close();
  });
});
