// session.log and session.lock hold queued payloads and the owner's pid: they are created 0600 in a
// directory created 0700, whatever the umask allows; an existing directory keeps its own mode.
import { chmod, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSessionStore, LOCK_FILE, LOG_FILE } from '../src/index.js';
import { message, put } from './helpers/messages.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();
const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe.runIf(process.platform !== 'win32')('the modes of the store files', () => {
  it('creates the directory 0700 and session.log and session.lock 0600', async () => {
    const dir = join(await tempDir(), 'nested', 'client');
    const previous = process.umask(0o000); // the most permissive umask: the modes must come from the store
    let store: FileSessionStore;
    try {
      store = await FileSessionStore.open(dir);
    } finally {
      process.umask(previous);
    }
    await store.apply(put(message(1)));
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(join(dir, LOG_FILE))).toBe(0o600);
    expect(await modeOf(join(dir, LOCK_FILE))).toBe(0o600);
    await store.close();
  });

  it('keeps the 0600 mode after a compaction rewrites the log', async () => {
    const dir = await tempDir();
    const previous = process.umask(0o000);
    let store: FileSessionStore;
    try {
      store = await FileSessionStore.open(dir, { compactMinBytes: 0, compactRatio: 1, durability: 'none' });
      for (let mid = 1; mid <= 20; mid++) await store.apply(put(message(mid)));
      for (let mid = 1; mid <= 20; mid++) await store.apply({ op: 'deleteOutgoing', mid });
      await store.apply(put(message(21)));
    } finally {
      process.umask(previous);
    }
    expect(store.stats.compactions).toBeGreaterThan(0);
    expect(await modeOf(join(dir, LOG_FILE))).toBe(0o600);
    await store.close();
  });

  it('does not loosen an existing directory, and makes an existing world-readable log owner-only', async () => {
    const dir = join(await tempDir(), 'existing');
    await mkdir(dir);
    await chmod(dir, 0o750);
    await writeFile(join(dir, LOG_FILE), '');
    await chmod(join(dir, LOG_FILE), 0o644);
    const store = await FileSessionStore.open(dir);
    expect(await modeOf(dir)).toBe(0o750);
    expect(await modeOf(join(dir, LOG_FILE))).toBe(0o600);
    await store.close();

    await chmod(dir, 0o711);
    const again = await FileSessionStore.open(dir);
    expect(await modeOf(dir)).toBe(0o711);
    await again.close();
  });
});
