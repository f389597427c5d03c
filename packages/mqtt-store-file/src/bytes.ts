// Growable byte writer and bounds-checked reader for the log's binary encoding: unsigned LEB128
// varints up to 2^53 - 1, float64, UTF-8 strings and raw byte runs. A read past the end throws a
// MalformedRecord, never returns garbage.

const encoder = new TextEncoder();
/** Fatal: bytes that are not UTF-8 were not written by TextEncoder, so the record is not ours. */
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Thrown by ByteReader (and the record decoder) for bytes that cannot be a record. Internal. */
export class MalformedRecord extends Error {
  override name = 'MalformedRecord';
}

export class ByteWriter {
  #buffer: Uint8Array;
  #view: DataView;
  #length = 0;

  constructor(initialCapacity = 64) {
    this.#buffer = new Uint8Array(initialCapacity);
    this.#view = new DataView(this.#buffer.buffer);
  }

  get length(): number {
    return this.#length;
  }

  #reserve(extra: number): void {
    const needed = this.#length + extra;
    if (needed <= this.#buffer.length) return;
    const next = new Uint8Array(Math.max(needed, this.#buffer.length * 2));
    next.set(this.#buffer.subarray(0, this.#length));
    this.#buffer = next;
    this.#view = new DataView(next.buffer);
  }

  u8(value: number): this {
    this.#reserve(1);
    this.#buffer[this.#length++] = value;
    return this;
  }

  /** Unsigned LEB128; `value` must be a safe non-negative integer. Arithmetic, not bit ops, past 2^31. */
  varint(value: number): this {
    this.#reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.#buffer[this.#length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.#buffer[this.#length++] = rest;
    return this;
  }

  f64(value: number): this {
    this.#reserve(8);
    this.#view.setFloat64(this.#length, value, true);
    this.#length += 8;
    return this;
  }

  /** Length-prefixed raw bytes. */
  bytes(value: Uint8Array): this {
    this.varint(value.length);
    return this.raw(value);
  }

  /** Bytes with no length prefix (the reader must know where they end). */
  raw(value: Uint8Array): this {
    this.#reserve(value.length);
    this.#buffer.set(value, this.#length);
    this.#length += value.length;
    return this;
  }

  /** Length-prefixed UTF-8. */
  string(value: string): this {
    return this.bytes(encoder.encode(value));
  }

  /** The bytes written so far (a view: copy it before writing more if you keep it). */
  view(): Uint8Array {
    return this.#buffer.subarray(0, this.#length);
  }
}

export class ByteReader {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  #offset: number;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#offset = 0;
  }

  get remaining(): number {
    return this.#bytes.length - this.#offset;
  }

  #need(count: number): void {
    if (count > this.remaining) throw new MalformedRecord(`needs ${count} bytes, ${this.remaining} left`);
  }

  u8(): number {
    this.#need(1);
    return this.#bytes[this.#offset++]!;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const byte = this.u8();
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) {
        if (!Number.isSafeInteger(value)) throw new MalformedRecord('varint out of range');
        return value;
      }
      scale *= 0x80;
    }
    throw new MalformedRecord('varint longer than 8 bytes');
  }

  f64(): number {
    this.#need(8);
    const value = this.#view.getFloat64(this.#offset, true);
    this.#offset += 8;
    return value;
  }

  /** Length-prefixed bytes, copied (so the result does not pin the whole log buffer). */
  bytes(): Uint8Array {
    return this.raw(this.varint());
  }

  /** `count` bytes, copied into a plain Uint8Array (even when reading from a Buffer). */
  raw(count: number): Uint8Array {
    this.#need(count);
    const value = new Uint8Array(this.#bytes.subarray(this.#offset, this.#offset + count));
    this.#offset += count;
    return value;
  }

  string(): string {
    const length = this.varint();
    this.#need(length);
    let value: string;
    try {
      value = decoder.decode(this.#bytes.subarray(this.#offset, this.#offset + length));
    } catch {
      throw new MalformedRecord('a string that is not UTF-8');
    }
    this.#offset += length;
    return value;
  }
}
