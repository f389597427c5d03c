// Outgoing QoS>0 PUBLISH in flight, indexed by packet id for O(1) acks (as rumqttc), iterated in
// the order they entered the window (Map order) so redelivery keeps the original order.
// The window's capacity is min(maxInflightMessages, broker Receive Maximum) [MQTT-3.3.4-7].

import type { OutgoingState } from './session-store.js';

/** One outgoing message in flight. */
export interface InflightEntry<M> {
  readonly message: M;
  readonly packetId: number;
  state: Exclude<OutgoingState, 'queued'>;
  /** When the last PUBLISH or PUBREL for it was sent. */
  sentAt: number;
}

export class InflightWindow<M> {
  readonly #entries = new Map<number, InflightEntry<M>>();
  #capacity: number;

  /** `capacity` 0 means no limit (besides the 65535 packet ids). */
  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#entries.size;
  }

  get capacity(): number {
    return this.#capacity;
  }

  set capacity(value: number) {
    this.#capacity = value;
  }

  /** True when another message may enter. */
  get hasRoom(): boolean {
    return this.#capacity === 0 || this.#entries.size < this.#capacity;
  }

  add(entry: InflightEntry<M>): void {
    this.#entries.set(entry.packetId, entry);
  }

  get(packetId: number): InflightEntry<M> | undefined {
    return this.#entries.get(packetId);
  }

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
