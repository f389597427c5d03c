// One writer per directory: a second store, in this process or another live one, is refused with
// SESSION_STORE_ERROR; a lock left by a dead process is taken over; close() releases the lock.
import { spawnNode } from '@x/test-brokers';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSessionStore, LOCK_FILE } from '../src/index.js';
import { message, put } from './helpers/messages.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

/** Starts a process that does nothing for a while; resolves with it once it runs. */
function idleProcess(): Promise<{ pid: number; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const proc = spawnNode(['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    proc.on('error', reject);
    proc.on('spawn', () => resolve({ pid: proc.pid!, stop: () => proc.kill('SIGKILL') }));
  });
}

describe('the directory lock', () => {
  it('refuses a second store in the same process until the first is closed', async () => {
    const dir = await tempDir();
    const first = await FileSessionStore.open(dir);
    await expect(FileSessionStore.open(dir)).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
    await first.close();
    const second = await FileSessionStore.open(dir);
    await second.close();
  });

  it('refuses a directory locked by another live process', async () => {
    const dir = await tempDir();
    const other = await idleProcess();
    try {
      await writeFile(join(dir, LOCK_FILE), `${other.pid}\n`);
      await expect(FileSessionStore.open(dir)).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR', message: expect.stringContaining(String(other.pid)) });
    } finally {
      other.stop();
    }
  });

  it('takes over a lock left by a dead process', async () => {
    const dir = await tempDir();
    const other = await idleProcess();
    other.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await writeFile(join(dir, LOCK_FILE), `${other.pid}\n`);
    const store = await FileSessionStore.open(dir);
    await store.apply(put(message(1)));
    expect(store.load()?.outgoing).toHaveLength(1);
    await store.close();
  });

  it('rejects apply() after close()', async () => {
    const store = await FileSessionStore.open(await tempDir());
    await store.close();
    await expect(store.apply(put(message(1)))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
  });
});
