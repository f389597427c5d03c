// @x/mqtt-store-file: a durable SessionStore for @x/mqtt-core, kept in an append-only, CRC-checked
// log with group-committed fsyncs and compaction. Node.js only (node:fs).

// the store
export { FileSessionStore, LOG_FILE, COMPACT_FILE, LOCK_FILE } from './file-session-store.js';

// options and reports
export { DEFAULT_DURABILITY, DEFAULT_COMPACT_MIN_BYTES, DEFAULT_COMPACT_RATIO } from './options.js';
export type { FileSessionStoreStats } from './file-session-store.js';
export type { Durability, FileSessionStoreOptions, CorruptionReport } from './options.js';
export type { DamageReason } from './log-format.js';
