// Single-writer guard for a store directory: `session.lock` holds the owner's pid. A lock whose pid
// is alive (another process, or another store in this one) is refused with SESSION_STORE_ERROR; a
// lock left by a dead process is taken over. Advisory: it guards against a second client, not a
// hostile one, and two processes breaking the same stale lock at the same instant may both win.

import { open, readFile, unlink } from 'node:fs/promises';
import { MqttError } from '@x/mqtt-codec';

/** Lock paths held by stores of this process: our own pid in a lock file is stale only if not here. */
const heldHere = new Set<string>();

export class LockFile {
  readonly #path: string;
  #released = false;

  private constructor(path: string) {
    this.#path = path;
  }

  /** Takes the lock at `path`, breaking a stale one; rejects with SESSION_STORE_ERROR when held. */
  static async acquire(path: string): Promise<LockFile> {
    if (heldHere.has(path)) throw held(path, `another FileSessionStore in this process (pid ${process.pid})`);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(path, 'wx', 0o600);
        try {
          await handle.writeFile(`${process.pid}\n`);
        } finally {
          await handle.close();
        }
        heldHere.add(path);
        return new LockFile(path);
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw new MqttError('SESSION_STORE_ERROR', `FileSessionStore: cannot create ${path}`, { cause: error });
      }
      const owner = await readOwner(path);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) throw held(path, `process ${owner}`);
      // Dead owner, our own pid left by an earlier process (pids repeat in containers), or unreadable.
      await unlink(path).catch((error: unknown) => {
        if (!isCode(error, 'ENOENT')) throw new MqttError('SESSION_STORE_ERROR', `FileSessionStore: cannot remove stale ${path}`, { cause: error });
      });
    }
    throw held(path, 'a process that keeps re-creating it');
  }

  /** Removes the lock file. Idempotent. */
  async release(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    heldHere.delete(this.#path);
    await unlink(this.#path).catch(() => undefined);
  }
}

async function readOwner(path: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(path, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return isCode(error, 'EPERM');
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

function held(path: string, owner: string): MqttError {
  return new MqttError('SESSION_STORE_ERROR', `FileSessionStore: ${path} is locked by ${owner}; remove the file if that process is gone`);
}
