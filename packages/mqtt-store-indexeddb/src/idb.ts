// Promises over the IndexedDB event API, just what the store uses: open a database at a schema
// version (creating its object stores), wait for a request, wait for a transaction to commit.
// Every failure becomes MqttError('SESSION_STORE_ERROR') with the DOMException as its cause.

import { MqttError } from '@x/mqtt-codec';

export function storeError(message: string, cause?: unknown): MqttError {
  return new MqttError('SESSION_STORE_ERROR', `IndexedDbSessionStore: ${message}`, cause === undefined ? {} : { cause });
}

/** Opens `name` at `version`; `upgrade` runs inside the versionchange transaction of a new or older database. */
export function openDatabase(factory: IDBFactory, name: string, version: number, upgrade: (db: IDBDatabase, oldVersion: number) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, version);
    } catch (error) {
      reject(storeError(`cannot open database ${JSON.stringify(name)}`, error));
      return;
    }
    request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      const error = request.error;
      // A database of a newer schema: refuse it and leave it as it is.
      const why = error?.name === 'VersionError' ? `database ${JSON.stringify(name)} has a newer format than version ${version}` : `cannot open database ${JSON.stringify(name)}`;
      reject(storeError(why, error));
    };
  });
}

/** The result of one request. */
export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(storeError('a request failed', request.error));
  });
}

/** Resolves when `transaction` has committed; rejects when it aborts (including an abort caused by a failed request). */
export function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(storeError('a transaction was aborted', transaction.error ?? undefined));
  });
}
