// Framing of the append-only session log: each record is [u32 LE body length][u32 LE CRC-32 of
// the length field and the body][body]. LogScanner (and scanLog, over one buffer) reads records
// until the first one that is short, fails its CRC or does not decode, and reports where the valid
// prefix ends; it never throws for damaged bytes.

import { crc32 } from './crc32.js';
import { MalformedRecord } from './bytes.js';
import { decodeEntry, type LogEntry } from './operation-codec.js';

/** Bytes of framing before each record body. */
export const RECORD_OVERHEAD = 8;

/** Why a scan stopped before the end of the file. */
export type DamageReason =
  /** The file ends inside a record: a write torn by a crash or power loss. */
  | 'truncated'
  /** A whole record whose CRC does not match: flipped bits, or garbage after a torn write. */
  | 'checksum'
  /** A record with a valid CRC that does not decode (or no header first): not a log this version wrote. */
  | 'malformed';

export interface ScanDamage {
  /** Byte offset of the first bad record: the length of the valid prefix. */
  readonly offset: number;
  readonly reason: DamageReason;
  readonly detail: string;
}

export interface ScannedRecord {
  readonly entry: LogEntry;
  /** The whole framed record, as on disk (a view into the scanned bytes). */
  readonly bytes: Uint8Array;
}

export interface ScanResult {
  readonly records: readonly ScannedRecord[];
  /** Bytes of whole, valid records from the start of the file. */
  readonly validLength: number;
  readonly damage: ScanDamage | undefined;
}

/** Frames a record body: length, CRC, body. */
export function frameRecord(body: Uint8Array): Uint8Array {
  const record = new Uint8Array(RECORD_OVERHEAD + body.length);
  const view = new DataView(record.buffer);
  view.setUint32(0, body.length, true);
  record.set(body, RECORD_OVERHEAD);
  view.setUint32(4, recordCrc(record, body.length), true);
  return record;
}

/** CRC of a framed record: over the length field (bytes 0..3) and the body. */
function recordCrc(record: Uint8Array, bodyLength: number): number {
  return crc32(record, RECORD_OVERHEAD, RECORD_OVERHEAD + bodyLength, crc32(record, 0, 4));
}

/**
 * Reads a log as it arrives, chunk by chunk: each whole, valid record goes to `onRecord` (its bytes
 * are a view that is valid only during the call: copy what you keep), so memory is bounded by the
 * largest record, not the file. Stops at the first bad record, as scanLog.
 */
export class LogScanner {
  readonly #onRecord: (record: ScannedRecord) => void;
  /** Bytes of an unfinished record carried from the previous chunk. */
  #carry: Uint8Array = new Uint8Array(0);
  #offset = 0;
  #count = 0;
  #damage: ScanDamage | undefined;

  readonly #fileLength: number;

  /** `fileLength`, when known, stops at once at a record that claims more bytes than the file has. */
  constructor(onRecord: (record: ScannedRecord) => void, fileLength = Number.POSITIVE_INFINITY) {
    this.#onRecord = onRecord;
    this.#fileLength = fileLength;
  }

  /** Records accepted so far. */
  get records(): number {
    return this.#count;
  }

  /** True once a bad record was found: the rest of the file is not read. */
  get stopped(): boolean {
    return this.#damage !== undefined;
  }

  push(chunk: Uint8Array): void {
    if (this.#damage !== undefined || chunk.length === 0) return;
    let bytes = chunk;
    if (this.#carry.length > 0) {
      bytes = new Uint8Array(this.#carry.length + chunk.length);
      bytes.set(this.#carry, 0);
      bytes.set(chunk, this.#carry.length);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 0;
    while (bytes.length - at >= RECORD_OVERHEAD) {
      const length = view.getUint32(at, true);
      if (this.#offset + RECORD_OVERHEAD + length > this.#fileLength) {
        this.#damage = { offset: this.#offset, reason: 'truncated', detail: `record of ${length} bytes, only ${this.#fileLength - this.#offset - RECORD_OVERHEAD} left in the file` };
        this.#carry = new Uint8Array(0);
        return;
      }
      if (bytes.length - at - RECORD_OVERHEAD < length) break; // the rest comes with the next chunk
      const record = bytes.subarray(at, at + RECORD_OVERHEAD + length);
      const problem = this.#accept(record, view.getUint32(at + 4, true), length);
      if (problem !== undefined) {
        this.#damage = { offset: this.#offset, ...problem };
        this.#carry = new Uint8Array(0);
        return;
      }
      at += record.length;
      this.#offset += record.length;
    }
    // Keep only the unfinished tail (a copy, so the chunk it came from can go).
    this.#carry = bytes.slice(at);
  }

  /** The file ended: where the valid prefix ends, and why the scan stopped, if it did. */
  end(): { readonly validLength: number; readonly damage: ScanDamage | undefined } {
    if (this.#damage === undefined && this.#carry.length > 0) {
      const left = this.#carry.length;
      const detail = left < RECORD_OVERHEAD
        ? `${left} bytes at the end, shorter than a record header`
        : `record of ${new DataView(this.#carry.buffer, this.#carry.byteOffset).getUint32(0, true)} bytes, only ${left - RECORD_OVERHEAD} left in the file`;
      this.#damage = { offset: this.#offset, reason: 'truncated', detail };
    }
    return { validLength: this.#offset, damage: this.#damage };
  }

  #accept(record: Uint8Array, crc: number, length: number): { reason: DamageReason; detail: string } | undefined {
    if (crc !== recordCrc(record, length)) return { reason: 'checksum', detail: `CRC mismatch in a record of ${length} bytes` };
    let entry: LogEntry;
    try {
      entry = decodeEntry(record.subarray(RECORD_OVERHEAD));
    } catch (error) {
      if (error instanceof MalformedRecord) return { reason: 'malformed', detail: error.message };
      throw error;
    }
    if ((this.#count === 0) !== (entry.op === 'header')) return { reason: 'malformed', detail: this.#count === 0 ? 'first record is not a header' : 'header record after the start' };
    this.#count++;
    this.#onRecord({ entry, bytes: record });
    return undefined;
  }
}

/** Reads every whole, valid record from the start of `bytes`, stopping at the first bad one. */
export function scanLog(bytes: Uint8Array): ScanResult {
  const records: ScannedRecord[] = [];
  const scanner = new LogScanner((record) => records.push(record));
  scanner.push(bytes);
  const { validLength, damage } = scanner.end();
  return { records, validLength, damage };
}
