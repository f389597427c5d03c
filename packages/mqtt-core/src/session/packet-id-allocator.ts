// Packet identifiers 1..65535: never handed out twice while in use [MQTT-2.3.1-2], in O(1)
// amortized per allocation (the ids in use and a rotating cursor, so freed ids are reused last).
// The ids in use are a Set, sized by what is in flight: a connection with a few messages in flight
// holds a few entries (an 8 KiB bitmap per subscribing connection was most of the memory per
// connection at 10,000 connections: issue 10).

const MAX_PACKET_ID = 65535;

/** Hands out free packet identifiers and takes them back. */
export class PacketIdAllocator {
  readonly #used = new Set<number>();
  #next = 1;

  /** How many ids are in use. */
  get size(): number {
    return this.#used.size;
  }

  /** The next free id after the last one handed out, or undefined when all 65535 are in use. */
  allocate(): number | undefined {
    const used = this.#used;
    if (used.size === MAX_PACKET_ID) return undefined;
    let id = this.#next;
    while (used.has(id)) id = id === MAX_PACKET_ID ? 1 : id + 1;
    used.add(id);
    this.#next = id === MAX_PACKET_ID ? 1 : id + 1;
    return id;
  }

  /** Marks `id` as in use (restoring a saved session). Returns false if it already was. */
  claim(id: number): boolean {
    if (!Number.isInteger(id) || id < 1 || id > MAX_PACKET_ID || this.#used.has(id)) return false;
    this.#used.add(id);
    return true;
  }

  /** Frees `id`; freeing an id not in use is a no-op that returns false. */
  release(id: number): boolean {
    return this.#used.delete(id);
  }

  /** True when `id` is handed out or claimed and not yet released. */
  isInUse(id: number): boolean {
    return this.#used.has(id);
  }

  /** Frees every id. */
  clear(): void {
    this.#used.clear();
  }
}
