// Power loss can cut the log at any byte. For every cut of a small log, open() must not throw,
// must load the state of the whole records before the cut, report the damage, and accept appends.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemorySessionStore, type SessionSnapshot } from '@x/mqtt-core';
import { FileSessionStore, LOG_FILE } from '../src/index.js';
import { del, delIn, message, put, putIn } from './helpers/messages.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

const ops = [
  put(message(1)),
  putIn(7),
  put(message(2, { qos: 2, state: 'wait-pubrec', properties: { correlationData: new Uint8Array([1, 2]), userProperties: [['k', 'v']] } })),
  del(1),
  delIn(7),
  put(message(3, { payload: new Uint8Array(0) })),
];

describe('a log cut at every byte offset', () => {
  it('loads the longest valid prefix of whole records, reports the rest and keeps working', async () => {
    const source = await tempDir();
    const writer = await FileSessionStore.open(source, { durability: 'none' });
    const boundaries = [writer.logSize];
    const expected: (SessionSnapshot | undefined)[] = [undefined];
    const reference = new MemorySessionStore();
    for (const op of ops) {
      await writer.apply(op);
      reference.apply(op);
      boundaries.push(writer.logSize);
      expected.push(reference.load());
    }
    await writer.close();
    const full = await readFile(join(source, LOG_FILE));
    expect(full.length).toBe(boundaries.at(-1));

    const dir = await tempDir();
    for (let cut = 0; cut <= full.length; cut++) {
      await writeFile(join(dir, LOG_FILE), full.subarray(0, cut));
      const store = await FileSessionStore.open(dir, { durability: 'none' });
      const whole = boundaries.filter((end) => end <= cut).length; // header + whole operations
      const context = `cut at ${cut}`;
      expect(store.load(), context).toEqual(expected[Math.max(0, whole - 1)]);
      if (cut === 0 || boundaries.includes(cut)) {
        expect(store.corruption, context).toBeUndefined();
      } else {
        expect(store.corruption?.reason, context).toBe('truncated');
        expect(store.corruption?.error.code, context).toBe('SESSION_STORE_ERROR');
        expect(store.corruption?.offset, context).toBe(boundaries.filter((end) => end <= cut).at(-1) ?? 0);
        expect(store.corruption?.droppedBytes, context).toBe(cut - (boundaries.filter((end) => end <= cut).at(-1) ?? 0));
      }
      await store.apply(put(message(50)));
      await store.close();

      const reopened = await FileSessionStore.open(dir, { durability: 'none' });
      expect(reopened.corruption, context).toBeUndefined();
      expect(reopened.load()?.outgoing.at(-1)?.mid, context).toBe(50);
      await reopened.close();
    }
  });
});
