// The live state a session log describes, kept as the framed records that recreate it: replaying
// entries here gives exactly MemorySessionStore's result for the same operations, and compacted()
// serialises it as a fresh log without re-encoding messages. No I/O here.

import type { SessionSnapshot, StoredMessage } from '@x/mqtt-core';
import { decodeEntry, encodeEntry, FORMAT_VERSION, type LogEntry } from './operation-codec.js';
import { frameRecord, RECORD_OVERHEAD } from './log-format.js';

const HEADER_RECORD_BYTES = frameRecord(encodeEntry({ op: 'header', formatVersion: FORMAT_VERSION })).length;
/** Upper bounds: op byte and a varint of at most 8 (nextMid) or 3 (packet id) bytes. */
const NEXT_MID_RECORD_BYTES = RECORD_OVERHEAD + 1 + 8;
const INCOMING_RECORD_BYTES = RECORD_OVERHEAD + 1 + 3;

export class SessionState {
  /** mid -> framed putOutgoing record; Map order is the order of first put (a replace keeps it). */
  readonly #outgoing = new Map<number, Uint8Array>();
  readonly #incoming = new Set<number>();
  #nextMid = 1;
  #outgoingBytes = 0;
  /** mids whose record is still a view into a buffer the caller will reuse (see ownRecords). */
  readonly #borrowed = new Set<number>();

  /**
   * Applies one entry; `record` is its framed bytes (kept for putOutgoing). `borrowed`: the bytes
   * are a view into a buffer about to be reused; call ownRecords() before reusing it, which copies
   * only the records still live (replaying a large log then costs the live state, not the file).
   */
  apply(entry: LogEntry, record: Uint8Array, borrowed = false): void {
    switch (entry.op) {
      case 'putOutgoing': {
        const previous = this.#outgoing.get(entry.message.mid);
        this.#outgoingBytes += record.length - (previous?.length ?? 0);
        this.#outgoing.set(entry.message.mid, record);
        if (borrowed) this.#borrowed.add(entry.message.mid);
        else this.#borrowed.delete(entry.message.mid);
        this.#nextMid = Math.max(this.#nextMid, entry.message.mid + 1);
        return;
      }
      case 'deleteOutgoing': {
        const previous = this.#outgoing.get(entry.mid);
        if (previous === undefined) return;
        this.#outgoingBytes -= previous.length;
        this.#outgoing.delete(entry.mid);
        this.#borrowed.delete(entry.mid);
        return;
      }
      case 'putIncoming':
        this.#incoming.add(entry.packetId);
        return;
      case 'deleteIncoming':
        this.#incoming.delete(entry.packetId);
        return;
      case 'clearIncoming':
        this.#incoming.clear();
        return;
      case 'nextMid':
        this.#nextMid = Math.max(this.#nextMid, entry.nextMid);
        return;
      case 'header':
        return;
    }
  }

  /** Copies the borrowed records still live out of the buffer they view. */
  ownRecords(): void {
    for (const mid of this.#borrowed) {
      const record = this.#outgoing.get(mid);
      if (record !== undefined) this.#outgoing.set(mid, record.slice());
    }
    this.#borrowed.clear();
  }

  /** The state as SessionStore.load() returns it: undefined when nothing is stored (as MemorySessionStore). */
  snapshot(): SessionSnapshot | undefined {
    if (this.#outgoing.size === 0 && this.#incoming.size === 0) return undefined;
    const outgoing: StoredMessage[] = [];
    for (const record of this.#outgoing.values()) {
      const entry = decodeEntry(record.subarray(RECORD_OVERHEAD));
      if (entry.op === 'putOutgoing') outgoing.push(entry.message);
    }
    return { version: 1, outgoing, incomingQos2: [...this.#incoming], nextMid: this.#nextMid };
  }

  /** Size in bytes of compacted(), without building it (incoming ids counted at their largest). */
  get liveBytes(): number {
    return HEADER_RECORD_BYTES + NEXT_MID_RECORD_BYTES + this.#outgoingBytes + this.#incoming.size * INCOMING_RECORD_BYTES;
  }

  /** A fresh log holding exactly this state: header, nextMid, messages in order, incoming ids. */
  compacted(): Uint8Array[] {
    const records = [
      frameRecord(encodeEntry({ op: 'header', formatVersion: FORMAT_VERSION })),
      frameRecord(encodeEntry({ op: 'nextMid', nextMid: this.#nextMid })),
      ...this.#outgoing.values(),
    ];
    for (const packetId of this.#incoming) records.push(frameRecord(encodeEntry({ op: 'putIncoming', packetId })));
    return records;
  }
}
