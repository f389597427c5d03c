// Bad input is refused with SESSION_STORE_ERROR without harming the store; a log written by a newer
// format is refused at open() and left untouched, never "repaired" away.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSessionStore, LOG_FILE } from '../src/index.js';
import { frameRecord } from '../src/log-format.js';
import { encodeEntry } from '../src/operation-codec.js';
import { message, put, putIn } from './helpers/messages.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('what the store cannot take', () => {
  it('rejects an operation with an invalid packet id and keeps accepting valid ones', async () => {
    const store = await FileSessionStore.open(await tempDir());
    await expect(store.apply(putIn(0))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
    await expect(store.apply(put(message(1, { packetId: 70000 })))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
    await store.apply(putIn(5));
    expect(store.load()?.incomingQos2).toEqual([5]);
    await store.close();
  });

  it('refuses a log of a newer format version and does not modify it', async () => {
    const dir = await tempDir();
    const newer = frameRecord(encodeEntry({ op: 'header', formatVersion: 2 }));
    const bytes = Buffer.concat([newer, Buffer.from([1, 2, 3])]);
    await writeFile(join(dir, LOG_FILE), bytes);
    await expect(FileSessionStore.open(dir)).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR', message: expect.stringContaining('format version 2') });
    expect(Buffer.compare(await readFile(join(dir, LOG_FILE)), bytes)).toBe(0);
    // The failed open released the lock.
    await writeFile(join(dir, LOG_FILE), '');
    const store = await FileSessionStore.open(dir);
    await store.close();
  });
});
