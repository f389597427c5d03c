// A SessionStore in IndexedDB, so a browser session's in-flight QoS 1/2 messages survive a page
// reload. Invariant: at most one readwrite transaction is in flight; operations applied meanwhile
// go into the next one, started only after it committed. So the database always holds a prefix of
// the applied operations, whole transactions only: a reload mid-write loses the uncommitted tail.

import { MqttError } from '@x/mqtt-codec';
import type { SessionSnapshot, SessionStore, StoreOperation } from '@x/mqtt-core';
import { openDatabase, storeError, transactionDone } from './idb.js';
import { DEFAULT_DURABILITY, type DamageReport, type IndexedDbSessionStoreOptions } from './options.js';
import { deleteDamaged, readDatabase } from './read-database.js';
import { FORMAT_VERSION, INCOMING, META, NEXT_MID, OUTGOING, STORES, toRecord, unstorableReason } from './records.js';
import { isPacketId } from '@x/mqtt-core';
import { SessionState, type Write } from './session-state.js';
import { acquireLock, type HeldLock } from './web-lock.js';

/** Prefix of the Web Lock name; the database name follows it. */
export const LOCK_PREFIX = 'x-mqtt-session-store:';

/** Counters since open(), for monitoring and benchmarks. */
export interface IndexedDbSessionStoreStats {
  /** Operations committed. */
  readonly operations: number;
  /** Readwrite transactions committed (operations applied together share one: operations >= transactions). */
  readonly transactions: number;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: MqttError) => void;
}

/** The transaction in flight and the callers waiting for it. */
interface Batch {
  readonly transaction: IDBTransaction;
  readonly waiters: Waiter[];
  /** False once a write found the transaction inactive: later writes wait for the next one. */
  accepting: boolean;
}

/**
 * A SessionStore in IndexedDB, so a browser session's in-flight QoS 1/2 messages survive a page
 * reload. Create it with `IndexedDbSessionStore.open(name, options)`. One readwrite transaction is
 * in flight at a time; operations applied meanwhile go into the next one, so the database always
 * holds a whole prefix of the applied operations.
 */
export class IndexedDbSessionStore implements SessionStore {
  readonly #db: IDBDatabase;
  readonly #options: IndexedDbSessionStoreOptions;
  readonly #lock: HeldLock;
  readonly #state: SessionState;
  readonly #damage: DamageReport | undefined;
  #batch: Batch | undefined;
  #pending: { write: Write; waiter: Waiter }[] = [];
  #idle: (() => void)[] = [];
  /** Set once a transaction failed or the database went away: the store refuses further operations (fail-stop). */
  #failure: MqttError | undefined;
  #closed = false;
  #stats = { operations: 0, transactions: 0 };

  private constructor(db: IDBDatabase, options: IndexedDbSessionStoreOptions, lock: HeldLock, state: SessionState, damage: DamageReport | undefined) {
    this.#db = db;
    this.#options = options;
    this.#lock = lock;
    this.#state = state;
    this.#damage = damage;
    // Another tab deletes or upgrades the database: let it, and stop writing.
    db.onversionchange = () => {
      this.#failure ??= storeError(`database ${JSON.stringify(db.name)} was deleted or upgraded elsewhere; the store accepts no more operations`);
      db.close();
    };
    // The browser closed it (storage cleared by the user, for example).
    db.onclose = () => {
      this.#failure ??= storeError(`database ${JSON.stringify(db.name)} was closed by the browser; the store accepts no more operations`);
    };
  }

  /**
   * Opens (creating if needed) the session database `name` (one per client id): takes the Web Lock,
   * reads and checks every record, deletes damaged ones (see `damage`). Rejects with
   * SESSION_STORE_ERROR when another tab or store holds the lock, the database has a newer format,
   * is not a session store, or IndexedDB is unavailable; never for damaged records.
   */
  static async open(name: string, options: Readonly<Partial<IndexedDbSessionStoreOptions>> = {}): Promise<IndexedDbSessionStore> {
    const resolved: IndexedDbSessionStoreOptions = {
      durability: options.durability ?? DEFAULT_DURABILITY,
      indexedDB: options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB,
      lock: options.lock ?? true,
      onDamage: options.onDamage,
    };
    if (typeof name !== 'string' || name === '') throw invalidArgument('name must be a non-empty string');
    if (!['strict', 'relaxed', 'default'].includes(resolved.durability)) throw invalidArgument(`durability must be 'strict', 'relaxed' or 'default'`);
    const factory = resolved.indexedDB;
    if (factory === undefined) throw storeError('there is no IndexedDB here (pass options.indexedDB)');

    const lock = resolved.lock ? await acquireLock(LOCK_PREFIX + name) : { release: () => undefined };
    let db: IDBDatabase | undefined;
    try {
      db = await openDatabase(factory, name, FORMAT_VERSION, (created, oldVersion) => {
        if (oldVersion < 1) for (const store of STORES) created.createObjectStore(store);
      });
      const contents = await readDatabase(db);
      let damage: DamageReport | undefined;
      if (contents.damaged.length > 0) {
        await deleteDamaged(db, contents.damaged, contents.nextMid, resolved.durability);
        const list = contents.damaged.map((record) => `${record.store} ${String(record.key)}: ${record.reason}`).join('; ');
        damage = { error: storeError(`database ${JSON.stringify(name)}: dropped ${contents.damaged.length} damaged record(s): ${list}`), database: name, records: contents.damaged };
        resolved.onDamage?.(damage);
      }
      const state = SessionState.restored(contents.messages, contents.incoming, contents.nextMid);
      return new IndexedDbSessionStore(db, resolved, lock, state, damage);
    } catch (error) {
      db?.close();
      lock.release();
      throw error instanceof MqttError ? error : storeError(`cannot open database ${JSON.stringify(name)}`, error);
    }
  }

  /** Deletes the session database `name` (no store may have it open). */
  static delete(name: string, options: Readonly<Partial<Pick<IndexedDbSessionStoreOptions, 'indexedDB'>>> = {}): Promise<void> {
    const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (factory === undefined) return Promise.reject(storeError('there is no IndexedDB here (pass options.indexedDB)'));
    return new Promise((resolve, reject) => {
      const request = factory.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(storeError(`cannot delete database ${JSON.stringify(name)}`, request.error));
      request.onblocked = () => reject(storeError(`database ${JSON.stringify(name)} is still open (close its store first)`));
    });
  }

  /** The database name. */
  get name(): string {
    return this.#db.name;
  }

  /** A DamageReport when open() dropped records, else undefined. */
  get damage(): DamageReport | undefined {
    return this.#damage;
  }

  /** Operations and transactions committed since open(). */
  get stats(): IndexedDbSessionStoreStats {
    return { ...this.#stats };
  }

  /** The stored state (as of every operation applied so far), or undefined when empty. */
  load(): SessionSnapshot | undefined {
    return this.#state.snapshot();
  }

  /** Records one operation; resolves once the transaction holding it has committed. */
  apply(operation: StoreOperation): Promise<void> {
    if (this.#closed) return Promise.reject(storeError('the store is closed'));
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const unstorable = unstorableOperation(operation);
    if (unstorable !== undefined) return Promise.reject(storeError(unstorable));
    const write = this.#state.apply(operation);
    return new Promise<void>((resolve, reject) => this.#enqueue(write, { resolve, reject }));
  }

  /** Waits for every applied operation to commit, then closes the database and releases the lock. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#batch !== undefined) await new Promise<void>((resolve) => this.#idle.push(resolve));
    this.#db.close();
    this.#lock.release();
  }

  /** Adds `write` to the transaction in flight while it is still active, else to the next one. */
  #enqueue(write: Write, waiter: Waiter): void {
    const batch = this.#batch;
    if (batch === undefined) {
      this.#start([{ write, waiter }]);
      return;
    }
    if (batch.accepting) {
      try {
        writeInto(batch.transaction, write);
        batch.waiters.push(waiter);
        return;
      } catch (error) {
        if (!isInactive(error)) {
          this.#fail(storeError('cannot write to the database', error), [waiter]);
          return;
        }
        batch.accepting = false;
      }
    }
    this.#pending.push({ write, waiter });
  }

  #start(items: readonly { write: Write; waiter: Waiter }[]): void {
    let batch: Batch;
    try {
      const transaction = this.#db.transaction([...STORES], 'readwrite', { durability: this.#options.durability });
      for (const item of items) writeInto(transaction, item.write);
      batch = { transaction, waiters: items.map((item) => item.waiter), accepting: true };
    } catch (error) {
      this.#fail(this.#failure ?? storeError('cannot write to the database', error), items.map((item) => item.waiter));
      return;
    }
    this.#batch = batch;
    transactionDone(batch.transaction).then(
      () => {
        this.#stats.transactions++;
        this.#stats.operations += batch.waiters.length;
        this.#batch = undefined;
        for (const waiter of batch.waiters) waiter.resolve();
        const next = this.#pending;
        this.#pending = [];
        if (next.length > 0) this.#start(next);
        else this.#settleIdle();
      },
      (error: MqttError) => {
        this.#batch = undefined;
        this.#fail(storeError('a transaction was aborted; the store accepts no more operations', error), batch.waiters);
      },
    );
  }

  /** Fail-stop: rejects `waiters` and everything pending; no later transaction is started. */
  #fail(error: MqttError, waiters: readonly Waiter[]): void {
    this.#failure ??= error;
    const rejected = [...waiters, ...this.#pending.map((item) => item.waiter)];
    this.#pending = [];
    for (const waiter of rejected) waiter.reject(this.#failure);
    if (this.#batch === undefined) this.#settleIdle();
  }

  #settleIdle(): void {
    const idle = this.#idle;
    this.#idle = [];
    for (const resolve of idle) resolve();
  }
}

/** The object store requests for one write, issued in `transaction` (throws if it is no longer active). */
function writeInto(transaction: IDBTransaction, write: Write): void {
  switch (write.kind) {
    case 'putOutgoing':
      transaction.objectStore(OUTGOING).put(toRecord(write.message, write.order), write.message.mid);
      if (write.nextMid !== undefined) transaction.objectStore(META).put(write.nextMid, NEXT_MID);
      return;
    case 'deleteOutgoing':
      transaction.objectStore(OUTGOING).delete(write.mid);
      return;
    case 'putIncoming':
      transaction.objectStore(INCOMING).put(write.packetId, write.packetId);
      return;
    case 'deleteIncoming':
      transaction.objectStore(INCOMING).delete(write.packetId);
      return;
    case 'clearIncoming':
      transaction.objectStore(INCOMING).clear();
      return;
  }
}

/** Why `operation` cannot be stored (open() would refuse to read it back), or undefined. */
function unstorableOperation(operation: StoreOperation): string | undefined {
  switch (operation.op) {
    case 'putOutgoing': {
      const reason = unstorableReason(operation.message);
      return reason === undefined ? undefined : `message ${String(operation.message.mid)} cannot be stored: ${reason}`;
    }
    case 'deleteOutgoing':
      return Number.isSafeInteger(operation.mid) && operation.mid >= 1 ? undefined : `mid ${String(operation.mid)} is not a positive safe integer`;
    case 'putIncoming':
    case 'deleteIncoming':
      return isPacketId(operation.packetId) ? undefined : `packet id ${String(operation.packetId)} is out of range 1-65535`; // [MQTT-2.3.1-1]
    case 'clearIncoming':
      return undefined;
    default:
      return `unknown operation ${JSON.stringify((operation as { op?: unknown }).op)}`;
  }
}

/**
 * The transaction no longer takes requests: inactive (its task ended), or already finished while
 * its complete event is still queued (Chromium then throws InvalidStateError from objectStore()).
 */
function isInactive(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TransactionInactiveError' || error.name === 'InvalidStateError');
}

function invalidArgument(message: string): MqttError {
  return new MqttError('INVALID_ARGUMENT', `IndexedDbSessionStore: ${message}`);
}
