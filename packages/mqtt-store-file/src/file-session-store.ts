// A SessionStore kept in an append-only, CRC-checked log on disk, so a persistent session survives a
// process restart. Invariant: once apply() resolves, the operation is in the log (fdatasync'd with
// durability 'fsync'), and any crash leaves a log whose valid prefix holds every resolved operation.
// Operations applied while a write is in flight share the next write and fsync (group commit).

import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MqttError } from '@x/mqtt-codec';
import type { SessionSnapshot, SessionStore, StoreOperation } from '@x/mqtt-core';
import { LockFile } from './lock-file.js';
import { frameRecord, LogScanner, type ScanDamage } from './log-format.js';
import { encodeEntry, FORMAT_VERSION } from './operation-codec.js';
import {
  DEFAULT_COMPACT_MIN_BYTES,
  DEFAULT_COMPACT_RATIO,
  DEFAULT_DURABILITY,
  type CorruptionReport,
  type FileSessionStoreOptions,
} from './options.js';
import { SessionState } from './session-state.js';

/** File names inside the store directory. */
export const LOG_FILE = 'session.log';
/** A compaction writes the new log here, then renames it over LOG_FILE; open() removes a leftover one. */
export const COMPACT_FILE = 'session.log.tmp';
/** Holds the owner's pid: one live store per directory (see lock-file.ts). */
export const LOCK_FILE = 'session.lock';
/** The log holds queued payloads: readable by the owner only (the lock too, see lock-file.ts). */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Counters since open(), for monitoring and benchmarks. */
export interface FileSessionStoreStats {
  /** Operations written to the log. */
  readonly operations: number;
  /** Appends to the log, each followed by one fdatasync with durability 'fsync' (group commit: operations >= writes). */
  readonly writes: number;
  /** Rewrites of the log as the live state (see FileSessionStoreOptions.compactMinBytes and compactRatio). */
  readonly compactions: number;
}

interface Pending {
  readonly operation: StoreOperation;
  readonly record: Uint8Array;
  readonly resolve: () => void;
  readonly reject: (error: MqttError) => void;
}

/**
 * A SessionStore in an append-only, CRC-checked log in one directory, so a persistent session
 * survives a process restart. Create it with `FileSessionStore.open(directory, options)`; once
 * apply() resolves the operation is in the log (fdatasync'd with durability 'fsync'), and
 * operations applied during a write share the next write (group commit).
 */
export class FileSessionStore implements SessionStore {
  readonly #directory: string;
  readonly #options: FileSessionStoreOptions;
  readonly #lock: LockFile;
  readonly #state: SessionState;
  readonly #corruption: CorruptionReport | undefined;
  #handle: FileHandle;
  /** Bytes in the log file (all written by us or checked at open). */
  #size: number;
  #pending: Pending[] = [];
  /** The running write loop, if any. */
  #draining: Promise<void> | undefined;
  /** Set after a failed write: the store refuses further operations (fail-stop). */
  #failure: MqttError | undefined;
  #closed = false;
  #stats = { operations: 0, writes: 0, compactions: 0 };

  private constructor(directory: string, options: FileSessionStoreOptions, lock: LockFile, handle: FileHandle, size: number, state: SessionState, corruption: CorruptionReport | undefined) {
    this.#directory = directory;
    this.#options = options;
    this.#lock = lock;
    this.#handle = handle;
    this.#size = size;
    this.#state = state;
    this.#corruption = corruption;
  }

  /**
   * Opens (creating if needed) the store in `directory`: takes the lock, replays the log, drops a
   * damaged tail (see `corruption`), removes a half-written compaction. Rejects with
   * SESSION_STORE_ERROR when another live process holds the lock, the log was written by a newer
   * format, or the directory cannot be used; never for a damaged log.
   */
  static async open(directory: string, options: Readonly<Partial<FileSessionStoreOptions>> = {}): Promise<FileSessionStore> {
    const resolved: FileSessionStoreOptions = {
      durability: options.durability ?? DEFAULT_DURABILITY,
      compactMinBytes: options.compactMinBytes ?? DEFAULT_COMPACT_MIN_BYTES,
      compactRatio: options.compactRatio ?? DEFAULT_COMPACT_RATIO,
      onCorruption: options.onCorruption,
    };
    if (resolved.durability !== 'fsync' && resolved.durability !== 'none') throw invalidArgument(`durability must be 'fsync' or 'none'`);
    if (!(resolved.compactMinBytes >= 0)) throw invalidArgument('compactMinBytes must be >= 0');
    if (!(resolved.compactRatio >= 1)) throw invalidArgument('compactRatio must be >= 1');

    const dir = resolve(directory);
    // 0700 for a directory we create; an existing one keeps its mode (never loosened). [issue 11.13]
    await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE }).catch((error: unknown) => {
      throw storeError(`cannot create directory ${dir}`, error);
    });
    const lock = await LockFile.acquire(join(dir, LOCK_FILE));
    let handle: FileHandle | undefined;
    try {
      // A compaction that died before its rename: session.log is still the whole truth.
      await rm(join(dir, COMPACT_FILE), { force: true });
      const file = join(dir, LOG_FILE);
      handle = await openLog(file);
      await tightenMode(handle);
      // Streamed: memory is bounded by the live state (and the largest record), never the file.
      const state = new SessionState();
      const { fileLength, scan } = await replay(handle, file, state);
      const corruption = scan.damage === undefined ? undefined : corruptionReport(file, fileLength, scan.records, scan.damage);
      let size = scan.validLength;
      if (size === 0) {
        // New, empty, or not even a valid header: start a fresh log.
        const headerRecord = frameRecord(encodeEntry({ op: 'header', formatVersion: FORMAT_VERSION }));
        await handle.truncate(0);
        await writeAll(handle, headerRecord, 0);
        await handle.datasync();
        await syncDirectory(dir);
        size = headerRecord.length;
      } else if (size < fileLength) {
        // Drop the damaged tail, so later appends do not sit behind garbage.
        await handle.truncate(size);
        await handle.datasync();
      }
      const store = new FileSessionStore(dir, resolved, lock, handle, size, state, corruption);
      if (store.#needsCompaction()) await store.#compact();
      if (corruption !== undefined) resolved.onCorruption?.(corruption);
      return store;
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await lock.release();
      throw error instanceof MqttError ? error : storeError(`cannot open the session log in ${dir}`, error);
    }
  }

  /** The resolved directory holding session.log and session.lock. */
  get directory(): string {
    return this.#directory;
  }

  /** What open() found damaged and dropped, or undefined for a clean log. */
  get corruption(): CorruptionReport | undefined {
    return this.#corruption;
  }

  /** Size of the log file in bytes (grows with each operation, shrinks on compaction). */
  get logSize(): number {
    return this.#size;
  }

  /** Operations, writes (fsyncs) and compactions since open(). */
  get stats(): FileSessionStoreStats {
    return { ...this.#stats };
  }

  /** The stored state (every operation whose apply() has resolved), or undefined when empty. */
  load(): SessionSnapshot | undefined {
    return this.#state.snapshot();
  }

  /** Appends one operation; resolves once it is in the log (on disk, with durability 'fsync'). */
  apply(operation: StoreOperation): Promise<void> {
    if (this.#closed) return Promise.reject(storeError('the store is closed'));
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    let record: Uint8Array;
    try {
      record = frameRecord(encodeEntry(operation));
    } catch (error) {
      return Promise.reject(error instanceof MqttError ? error : storeError(`cannot encode ${operation.op}`, error));
    }
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ operation, record, resolve, reject });
      this.#draining ??= this.#drain();
    });
  }

  /** Waits for every applied operation to be written, then closes the log and releases the lock. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#draining;
    await this.#handle.close().catch(() => undefined);
    await this.#lock.release();
  }

  /** The write loop: takes everything pending, writes it in one write and one fsync, repeats. */
  async #drain(): Promise<void> {
    let batch: Pending[] = [];
    try {
      while (this.#pending.length > 0) {
        if (this.#needsCompaction()) await this.#compact();
        batch = this.#pending;
        this.#pending = [];
        for (const item of batch) this.#state.apply(item.operation, item.record);
        const bytes = batch.length === 1 ? batch[0]!.record : Buffer.concat(batch.map((item) => item.record));
        await writeAll(this.#handle, bytes, this.#size);
        if (this.#options.durability === 'fsync') await this.#handle.datasync();
        this.#size += bytes.length;
        this.#stats.writes++;
        this.#stats.operations += batch.length;
        for (const item of batch) item.resolve();
        batch = [];
      }
    } catch (error) {
      // The file may now end in a torn record; the next open() drops it. Fail-stop until then.
      this.#failure = storeError('cannot write the session log; the store accepts no more operations', error);
      for (const item of [...batch, ...this.#pending]) item.reject(this.#failure);
      this.#pending = [];
    } finally {
      this.#draining = undefined;
    }
  }

  #needsCompaction(): boolean {
    return this.#size > this.#options.compactMinBytes && this.#size > this.#options.compactRatio * this.#state.liveBytes;
  }

  /**
   * Rewrites the log as the live state: write session.log.tmp, fsync it, rename it over
   * session.log, fsync the directory. A crash before the rename leaves the old log (and a .tmp that
   * open() removes); after it, the new one. Only runs between batches, so the state is the log's.
   */
  async #compact(): Promise<void> {
    const tmp = join(this.#directory, COMPACT_FILE);
    const handle = await open(tmp, 'w', PRIVATE_FILE_MODE);
    try {
      const bytes = Buffer.concat(this.#state.compacted());
      await writeAll(handle, bytes, 0);
      await handle.datasync();
      await rename(tmp, join(this.#directory, LOG_FILE));
      await syncDirectory(this.#directory);
      const previous = this.#handle;
      this.#handle = handle;
      this.#size = bytes.length;
      this.#stats.compactions++;
      await previous.close().catch(() => undefined);
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  }
}

/** The log for reading and positional writes, created 0600 when missing. */
async function openLog(file: string): Promise<FileHandle> {
  try {
    return await open(file, 'r+');
  } catch (error) {
    if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT') return open(file, 'w+', PRIVATE_FILE_MODE);
    throw storeError(`cannot open ${file}`, error);
  }
}

/** Bytes read from the log at a time while replaying it. */
const REPLAY_CHUNK = 1 << 20;

/**
 * Replays the log into `state` a chunk at a time, the records still live copied out of it; stops
 * reading at the first damaged record. Rejects for a log of a newer format.
 */
async function replay(handle: FileHandle, file: string, state: SessionState): Promise<{ fileLength: number; scan: { records: number; validLength: number; damage: ScanDamage | undefined } }> {
  const fileLength = (await handle.stat()).size;
  let newer: number | undefined;
  const scanner = new LogScanner((record) => {
    if (record.entry.op === 'header' && record.entry.formatVersion !== FORMAT_VERSION) newer = record.entry.formatVersion;
    state.apply(record.entry, record.bytes, true);
  }, fileLength);
  const chunk = new Uint8Array(Math.min(REPLAY_CHUNK, Math.max(fileLength, 1)));
  for (let position = 0; position < fileLength && !scanner.stopped && newer === undefined; ) {
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) break;
    scanner.push(chunk.subarray(0, bytesRead));
    state.ownRecords(); // before the chunk is read into again
    position += bytesRead;
  }
  if (newer !== undefined) throw storeError(`${file} has format version ${newer}; this version reads ${FORMAT_VERSION}`);
  const { validLength, damage } = scanner.end();
  return { fileLength, scan: { records: scanner.records, validLength, damage } };
}

/** A log left group- or world-readable (by an older version) is made owner-only; never loosened. */
async function tightenMode(handle: FileHandle): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await handle.stat();
  if ((mode & 0o077) !== 0) await handle.chmod(mode & 0o700);
}

/** pwrite until every byte is written (a write may be partial). */
async function writeAll(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

/** fsync a directory so a created or renamed entry survives power loss. Not possible on Windows. */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function corruptionReport(file: string, fileLength: number, recordsKept: number, damage: { offset: number; reason: CorruptionReport['reason']; detail: string }): CorruptionReport {
  const droppedBytes = fileLength - damage.offset;
  const error = storeError(`${file} is damaged at byte ${damage.offset} (${damage.reason}: ${damage.detail}); kept ${recordsKept} records, dropped the last ${droppedBytes} bytes`);
  return { error, file, reason: damage.reason, offset: damage.offset, droppedBytes, recordsKept };
}

function storeError(message: string, cause?: unknown): MqttError {
  return new MqttError('SESSION_STORE_ERROR', `FileSessionStore: ${message}`, cause === undefined ? {} : { cause });
}

function invalidArgument(message: string): MqttError {
  return new MqttError('INVALID_ARGUMENT', `FileSessionStore: ${message}`);
}
