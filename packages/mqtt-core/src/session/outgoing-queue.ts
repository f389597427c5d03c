// Outgoing messages waiting for a connection or for room in the in-flight window, first in first
// out. O(1) push and shift; prepend (rare: a clean-session
// reconnect putting in-flight messages back in front) is O(n). The limit (Paho's
// max_queued_messages counts in-flight messages too) is checked by the Session, which sees both.

/** A FIFO of pending outgoing items. */
export class OutgoingQueue<T> {
  #items: (T | undefined)[] = [];
  #head = 0;

  /** How many items are queued. */
  get size(): number {
    return this.#items.length - this.#head;
  }

  /** Adds `item` at the back. */
  push(item: T): void {
    this.#items.push(item);
  }

  /** Puts `items` in front, in their order. */
  prepend(items: readonly T[]): void {
    if (items.length === 0) return;
    this.#items = [...items, ...this.#items.slice(this.#head)];
    this.#head = 0;
  }

  /** The front item, left in place; undefined when empty. */
  peek(): T | undefined {
    return this.#items[this.#head];
  }

  /** Removes and returns the front item; undefined when empty. */
  shift(): T | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head++;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }

  /** Removes items for which `drop` is true; returns them. O(n). */
  remove(drop: (item: T) => boolean): T[] {
    const kept: T[] = [];
    const dropped: T[] = [];
    for (const item of this.toArray()) (drop(item) ? dropped : kept).push(item);
    this.#items = kept;
    this.#head = 0;
    return dropped;
  }

  /** A copy of the items, front first. */
  toArray(): T[] {
    return this.#items.slice(this.#head) as T[];
  }
}
