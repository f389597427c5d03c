// Outgoing QoS>0 PUBLISH in flight, indexed by packet id for O(1) acks (as rumqttc), iterated in
// the order they entered the window (Map order) so redelivery keeps the original order.
// The window's capacity is min(maxInflightMessages, broker Receive Maximum) [MQTT-3.3.4-7].
// Memory: until the first add() the window reads one shared empty Map that is never written (get,
// delete, clear and values on an empty Map change nothing), so a session that never publishes at
// QoS>0 holds no Map of its own.

import type { OutgoingState } from './session-store.js';

/** One outgoing message in flight. */
export interface InflightEntry<M> {
  /** The message being sent. */
  readonly message: M;
  /** The packet id it has on the wire for as long as it is in flight. */
  readonly packetId: number;
  /** Which acknowledgement it waits for. */
  state: Exclude<OutgoingState, 'queued'>;
  /** When the last PUBLISH or PUBREL for it was sent. */
  sentAt: number;
}

/** Shared by every window that has had no entry yet; only add() writes, and never to this one. */
const NO_ENTRIES: Map<number, never> = new Map<number, never>();

/** The outgoing QoS>0 messages in flight, by packet id, in the order they entered. */
export class InflightWindow<M> {
  #entries: Map<number, InflightEntry<M>> = NO_ENTRIES;
  #capacity: number;

  /** `capacity` 0 means no limit (besides the 65535 packet ids). */
  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** How many messages are in flight. */
  get size(): number {
    return this.#entries.size;
  }

  /** How many messages may be in flight at once; 0 means no limit. */
  get capacity(): number {
    return this.#capacity;
  }

  /** Sets the limit (0: none); entries already in the window stay. */
  set capacity(value: number) {
    this.#capacity = value;
  }

  /** True when another message may enter. */
  get hasRoom(): boolean {
    return this.#capacity === 0 || this.#entries.size < this.#capacity;
  }

  /** Puts `entry` in the window under its packet id; room is not checked here (see hasRoom). */
  add(entry: InflightEntry<M>): void {
    if (this.#entries === NO_ENTRIES) this.#entries = new Map();
    this.#entries.set(entry.packetId, entry);
  }

  /** The entry with `packetId`, or undefined. */
  get(packetId: number): InflightEntry<M> | undefined {
    return this.#entries.get(packetId);
  }

  /** Removes the entry with `packetId`; false when there was none. */
  delete(packetId: number): boolean {
    return this.#entries.delete(packetId);
  }

  /** Entries in the order they entered the window. */
  values(): IterableIterator<InflightEntry<M>> {
    return this.#entries.values();
  }

  /** Removes and returns every entry, in order. */
  drain(): InflightEntry<M>[] {
    const all = [...this.#entries.values()];
    this.#entries.clear();
    return all;
  }
}
