// A bit flipped inside one record (bad sector, bad RAM) fails its CRC: the records before it are
// kept, it and everything after are dropped and reported.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSessionStore, LOG_FILE, type CorruptionReport } from '../src/index.js';
import { message, put } from './helpers/messages.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('a log with a flipped byte in its middle record', () => {
  it('keeps the records before it and reports a checksum error', async () => {
    const dir = await tempDir();
    const writer = await FileSessionStore.open(dir);
    await writer.apply(put(message(1)));
    const middleStart = writer.logSize;
    await writer.apply(put(message(2, { payload: new Uint8Array(20).fill(0xaa) })));
    const middleEnd = writer.logSize;
    await writer.apply(put(message(3)));
    await writer.close();

    const bytes = await readFile(join(dir, LOG_FILE));
    const flipAt = Math.floor((middleStart + middleEnd) / 2);
    bytes[flipAt]! ^= 0x10;
    await writeFile(join(dir, LOG_FILE), bytes);

    const reports: CorruptionReport[] = [];
    const store = await FileSessionStore.open(dir, { onCorruption: (report) => reports.push(report) });
    expect(store.load()?.outgoing.map((m) => m.mid)).toEqual([1]);
    expect(reports).toEqual([store.corruption]);
    expect(store.corruption).toMatchObject({ reason: 'checksum', offset: middleStart, droppedBytes: bytes.length - middleStart, recordsKept: 2 });
    expect(store.corruption?.error.code).toBe('SESSION_STORE_ERROR');
    expect(store.corruption?.error.message).toContain(`byte ${middleStart}`);
    expect((await readFile(join(dir, LOG_FILE))).length).toBe(middleStart);
    await store.close();
  });

  it('treats a flipped length field as damage, not as a huge record to read', async () => {
    const dir = await tempDir();
    const writer = await FileSessionStore.open(dir);
    await writer.apply(put(message(1)));
    const secondStart = writer.logSize;
    await writer.apply(put(message(2)));
    await writer.apply(put(message(3)));
    await writer.close();

    const bytes = await readFile(join(dir, LOG_FILE));
    bytes[secondStart]! ^= 0x01; // the low byte of the second record's length
    await writeFile(join(dir, LOG_FILE), bytes);

    const store = await FileSessionStore.open(dir);
    expect(store.load()?.outgoing.map((m) => m.mid)).toEqual([1]);
    expect(store.corruption?.offset).toBe(secondStart);
    await store.close();
  });
});
