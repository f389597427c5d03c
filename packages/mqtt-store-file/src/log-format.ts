// Framing of the append-only session log: each record is [u32 LE body length][u32 LE CRC-32 of
// the length field and the body][body]. scanLog() reads records until the first one that is short,
// fails its CRC or does not decode, and reports where the valid prefix ends; it never throws for
// damaged bytes.

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

/** Reads every whole, valid record from the start of `bytes`, stopping at the first bad one. */
export function scanLog(bytes: Uint8Array): ScanResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: ScannedRecord[] = [];
  let offset = 0;
  const stop = (reason: DamageReason, detail: string): ScanResult => ({ records, validLength: offset, damage: { offset, reason, detail } });
  while (offset < bytes.length) {
    const left = bytes.length - offset;
    if (left < RECORD_OVERHEAD) return stop('truncated', `${left} bytes at the end, shorter than a record header`);
    const length = view.getUint32(offset, true);
    if (length > left - RECORD_OVERHEAD) return stop('truncated', `record of ${length} bytes, only ${left - RECORD_OVERHEAD} left in the file`);
    const record = bytes.subarray(offset, offset + RECORD_OVERHEAD + length);
    if (view.getUint32(offset + 4, true) !== recordCrc(record, length)) return stop('checksum', `CRC mismatch in a record of ${length} bytes`);
    let entry: LogEntry;
    try {
      entry = decodeEntry(record.subarray(RECORD_OVERHEAD));
    } catch (error) {
      if (error instanceof MalformedRecord) return stop('malformed', error.message);
      throw error;
    }
    if ((records.length === 0) !== (entry.op === 'header')) return stop('malformed', records.length === 0 ? 'first record is not a header' : 'header record after the start');
    records.push({ entry, bytes: record });
    offset += record.length;
  }
  return { records, validLength: offset, damage: undefined };
}
