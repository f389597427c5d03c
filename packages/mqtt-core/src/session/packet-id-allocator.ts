// Packet identifiers 1..65535: never handed out twice while in use [MQTT-2.3.1-2], in O(1)
// amortized per allocation (a bitmap and a rotating cursor, so freed ids are reused last). The
// bitmap is one bit per id (8 KiB) and made on first use: a connection that never sends QoS>0
// costs nothing here (it was a 64 KiB byte map per connection: issue 10, memory per connection).

const MAX_PACKET_ID = 65535;

/** Hands out free packet identifiers and takes them back. */
export class PacketIdAllocator {
  #bits: Uint32Array | undefined;
  #next = 1;
  #count = 0;

  /** How many ids are in use. */
  get size(): number {
    return this.#count;
  }

  /** The next free id after the last one handed out, or undefined when all 65535 are in use. */
  allocate(): number | undefined {
    if (this.#count === MAX_PACKET_ID) return undefined;
    const bits = (this.#bits ??= new Uint32Array((MAX_PACKET_ID + 32) >>> 5));
    let id = this.#next;
    while ((bits[id >>> 5] as number) & (1 << (id & 31))) id = id === MAX_PACKET_ID ? 1 : id + 1;
    bits[id >>> 5] = (bits[id >>> 5] as number) | (1 << (id & 31));
    this.#count++;
    this.#next = id === MAX_PACKET_ID ? 1 : id + 1;
    return id;
  }

  /** Marks `id` as in use (restoring a saved session). Returns false if it already was. */
  claim(id: number): boolean {
    if (id < 1 || id > MAX_PACKET_ID || this.isInUse(id)) return false;
    const bits = (this.#bits ??= new Uint32Array((MAX_PACKET_ID + 32) >>> 5));
    bits[id >>> 5] = (bits[id >>> 5] as number) | (1 << (id & 31));
    this.#count++;
    return true;
  }

  /** Frees `id`; freeing an id not in use is a no-op that returns false. */
  release(id: number): boolean {
    const bits = this.#bits;
    if (bits === undefined || id < 1 || id > MAX_PACKET_ID || !this.isInUse(id)) return false;
    bits[id >>> 5] = (bits[id >>> 5] as number) & ~(1 << (id & 31));
    this.#count--;
    return true;
  }

  /** True when `id` is handed out or claimed and not yet released. */
  isInUse(id: number): boolean {
    const bits = this.#bits;
    if (bits === undefined || !Number.isInteger(id) || id < 0 || id > MAX_PACKET_ID) return false;
    return ((bits[id >>> 5] as number) & (1 << (id & 31))) !== 0;
  }

  /** Frees every id. */
  clear(): void {
    this.#bits?.fill(0);
    this.#count = 0;
  }
}
