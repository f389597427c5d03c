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

  /** Applies one entry; `record` is its framed bytes (kept for putOutgoing). */
  apply(entry: LogEntry, record: Uint8Array): void {
    switch (entry.op) {
      case 'putOutgoing': {
        const previous = this.#outgoing.get(entry.message.mid);
        this.#outgoingBytes += record.length - (previous?.length ?? 0);
        this.#outgoing.set(entry.message.mid, record);
        this.#nextMid = Math.max(this.#nextMid, entry.message.mid + 1);
        return;
      }
      case 'deleteOutgoing': {
        const previous = this.#outgoing.get(entry.mid);
        if (previous === undefined) return;
        this.#outgoingBytes -= previous.length;
        this.#outgoing.delete(entry.mid);
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
