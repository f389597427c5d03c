// An exclusive Web Lock held while a store is open, so two tabs never write one session database.
// The browser releases it when the page goes away (reload, close, crash): no stale lock to break.

import { storeError } from './idb.js';

export interface HeldLock {
  release(): void;
}

const NO_LOCK: HeldLock = { release: () => undefined };

/** Takes lock `name` if it is free; rejects with SESSION_STORE_ERROR when another holder has it. No-op without navigator.locks. */
export function acquireLock(name: string): Promise<HeldLock> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks === undefined) return Promise.resolve(NO_LOCK);
  return new Promise((resolve, reject) => {
    locks
      .request(name, { mode: 'exclusive', ifAvailable: true }, (lock) => {
        if (lock === null) {
          reject(storeError(`lock ${JSON.stringify(name)} is held by another tab or store`));
          return undefined;
        }
        // The lock is held until the returned Promise settles.
        return new Promise<void>((release) => resolve({ release: () => release() }));
      })
      .catch((error: unknown) => reject(storeError(`cannot take lock ${JSON.stringify(name)}`, error)));
  });
}
