// Options of FileSessionStore and the report it gives about a damaged log, with their defaults.

import type { MqttError } from '@x/mqtt-codec';
import type { DamageReason } from './log-format.js';

/** When apply() resolves: 'fsync' once the record is on disk, 'none' once the OS has it (lost on power failure, kept on a process crash). */
export type Durability = 'fsync' | 'none';

/** apply() resolves once the record is fdatasync'd. */
export const DEFAULT_DURABILITY: Durability = 'fsync';
/** 1 MiB. */
export const DEFAULT_COMPACT_MIN_BYTES = 1024 * 1024;
/** Compact once the log is more than 4 times the size of the live state (and past compactMinBytes). */
export const DEFAULT_COMPACT_RATIO = 4;

/** The options of FileSessionStore.open(), each optional there (`Partial`). */
export interface FileSessionStoreOptions {
  /** 'fsync': apply() resolves after fdatasync; 'none': after write() (tests, benchmarks). Defaults to 'fsync'. */
  durability: Durability;
  /** The log is compacted only once it is larger than this many bytes. Defaults to 1 MiB (DEFAULT_COMPACT_MIN_BYTES). */
  compactMinBytes: number;
  /** ...and larger than this many times the size of the live state. Defaults to 4 (DEFAULT_COMPACT_RATIO). */
  compactRatio: number;
  /**
   * Called by open() when the log was damaged and its tail dropped (the same report as
   * `store.corruption`). A throw from it makes open() reject. Defaults to none.
   */
  onCorruption: ((report: CorruptionReport) => void) | undefined;
}

/** What open() found wrong with the log, and what it dropped to recover. */
export interface CorruptionReport {
  /** SESSION_STORE_ERROR describing the damage; hand it to your logger, it is never thrown. */
  readonly error: MqttError;
  /** The log file. */
  readonly file: string;
  /** What was wrong: 'truncated' (a torn write), 'checksum' (a CRC mismatch) or 'malformed' (a record that does not decode). */
  readonly reason: DamageReason;
  /** Byte offset where the valid prefix ends; the file was truncated here. */
  readonly offset: number;
  /** Bytes dropped from the end of the file. */
  readonly droppedBytes: number;
  /** Whole valid records kept (including the header). */
  readonly recordsKept: number;
}
