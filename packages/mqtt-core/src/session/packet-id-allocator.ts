// Packet identifiers 1..65535: never handed out twice while in use [MQTT-2.3.1-2], in O(1)
// amortized per allocation (a bitmap and a rotating cursor, so freed ids are reused last).

const MAX_PACKET_ID = 65535;

/** Hands out free packet identifiers and takes them back. */
export class PacketIdAllocator {
  readonly #inUse = new Uint8Array(MAX_PACKET_ID + 1);
  #next = 1;
  #count = 0;

  /** How many ids are in use. */
  get size(): number {
    return this.#count;
  }

  /** The next free id after the last one handed out, or undefined when all 65535 are in use. */
  allocate(): number | undefined {
    if (this.#count === MAX_PACKET_ID) return undefined;
    let id = this.#next;
    while (this.#inUse[id] === 1) id = id === MAX_PACKET_ID ? 1 : id + 1;
    this.#inUse[id] = 1;
    this.#count++;
    this.#next = id === MAX_PACKET_ID ? 1 : id + 1;
    return id;
  }

  /** Marks `id` as in use (restoring a saved session). Returns false if it already was. */
  claim(id: number): boolean {
    if (id < 1 || id > MAX_PACKET_ID || this.#inUse[id] === 1) return false;
    this.#inUse[id] = 1;
    this.#count++;
    return true;
  }

  /** Frees `id`; freeing an id not in use is a no-op that returns false. */
  release(id: number): boolean {
    if (id < 1 || id > MAX_PACKET_ID || this.#inUse[id] !== 1) return false;
    this.#inUse[id] = 0;
    this.#count--;
    return true;
  }

  isInUse(id: number): boolean {
    return this.#inUse[id] === 1;
  }

  /** Frees every id. */
  clear(): void {
    this.#inUse.fill(0);
    this.#count = 0;
  }
}
