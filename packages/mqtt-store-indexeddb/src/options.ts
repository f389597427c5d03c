// Options of IndexedDbSessionStore and the report it gives about damaged records, with their defaults.

import type { MqttError } from '@x/mqtt-codec';

/**
 * The IndexedDB transaction durability hint: 'strict' asks the browser to flush to disk before a
 * transaction completes (survives a power loss); 'relaxed' completes once the browser has the data
 * (survives a page reload or a crashed tab, not an OS crash); 'default' is the browser's choice.
 */
export type Durability = 'strict' | 'relaxed' | 'default';

/** 'strict': a transaction completes once the browser flushed it to disk. */
export const DEFAULT_DURABILITY: Durability = 'strict';

/** The options of IndexedDbSessionStore.open(), each optional there (`Partial`). */
export interface IndexedDbSessionStoreOptions {
  /** When apply() resolves: see Durability. Defaults to 'strict' (DEFAULT_DURABILITY). */
  durability: Durability;
  /** The IndexedDB to use. Defaults to `globalThis.indexedDB`. */
  indexedDB: IDBFactory | undefined;
  /**
   * Hold a Web Lock named `x-mqtt-session-store:<name>` while open, so a second tab (or a second
   * store in this page) on the same database is refused instead of interleaving writes. Needs
   * `navigator.locks`; without it there is no lock. Defaults to true.
   */
  lock: boolean;
  /** Called by open() with the DamageReport when records were dropped (a throw makes open() reject). Defaults to none. */
  onDamage: ((report: DamageReport) => void) | undefined;
}

/** Which object store a damaged record was in. */
export type DamagedStore = 'outgoing' | 'incoming' | 'meta';

/** One record open() dropped, and why. */
export interface DamagedRecord {
  /** The object store it was in. */
  readonly store: DamagedStore;
  /** Its key in that object store. */
  readonly key: IDBValidKey;
  /** Why it was dropped, in words (e.g. a packet id out of range). */
  readonly reason: string;
}

/** What open() found wrong in the database, and dropped (deleted) to recover. */
export interface DamageReport {
  /** SESSION_STORE_ERROR describing the damage; hand it to your logger, it is never thrown. */
  readonly error: MqttError;
  /** The database name. */
  readonly database: string;
  /** Every record dropped, and why. */
  readonly records: readonly DamagedRecord[];
}
