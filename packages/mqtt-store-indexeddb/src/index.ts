// @x/mqtt-store-indexeddb: a durable SessionStore for @x/mqtt-core in browsers, kept in IndexedDB
// with one transaction in flight at a time, so a page reload leaves a whole prefix of operations.
// No runtime dependencies beyond the codec and core; imports no node:* module.

// the store
export { IndexedDbSessionStore, LOCK_PREFIX } from './indexed-db-session-store.js';
export { FORMAT_VERSION, OUTGOING, INCOMING, META } from './records.js';

// options and reports
export { DEFAULT_DURABILITY } from './options.js';
export type { IndexedDbSessionStoreStats } from './indexed-db-session-store.js';
export type { Durability, IndexedDbSessionStoreOptions, DamageReport, DamagedRecord, DamagedStore } from './options.js';
