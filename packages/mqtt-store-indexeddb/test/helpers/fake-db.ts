// A fresh in-memory IndexedDB (fake-indexeddb) per test, and raw access to it that bypasses the
// store: to craft records the store would never write, and to read back what it committed.

import { IDBFactory } from 'fake-indexeddb';
import { IndexedDbSessionStore, type IndexedDbSessionStoreOptions } from '../../src/index.js';

export function freshIndexedDb(): IDBFactory {
  return new IDBFactory();
}

export function openStore(factory: IDBFactory, name = 'session', options: Readonly<Partial<IndexedDbSessionStoreOptions>> = {}): Promise<IndexedDbSessionStore> {
  return IndexedDbSessionStore.open(name, { indexedDB: factory, ...options });
}

/** A second connection to `name`, as another script in the page would have. */
export function rawDatabase(factory: IDBFactory, name: string, version = 1, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Every [key, value] of one object store. */
export function readStore(db: IDBDatabase, store: string): Promise<[IDBValidKey, unknown][]> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(store, 'readonly');
    const keys = transaction.objectStore(store).getAllKeys();
    const values = transaction.objectStore(store).getAll();
    transaction.oncomplete = () => resolve(keys.result.map((key, index) => [key, values.result[index]]));
    transaction.onabort = () => reject(transaction.error);
  });
}

/** Puts raw [key, value] pairs into `store`, committed. */
export function writeRaw(db: IDBDatabase, store: string, entries: readonly (readonly [IDBValidKey, unknown])[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(store, 'readwrite');
    for (const [key, value] of entries) transaction.objectStore(store).put(value, key);
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error);
  });
}
