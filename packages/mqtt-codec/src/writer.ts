// The two sinks a packet family's `write` runs over: first a Measurer, which counts bytes and
// validates every field on the way, then a Writer over one buffer of exactly that size. Invariant:
// whatever the Measurer accepts, the Writer writes without a check, a throw or an allocation.
import { fail, invalidPacket, REASON_PACKET_TOO_LARGE } from './fail.js';
import { utf8Length, writeUtf8 } from './utf8.js';
import { MAX_VARINT, varintLength, writeVarint } from './varint.js';

export const MAX_UINT16 = 0xffff;

// Small packets are carved from a shared slab, as Node's own allocUnsafe does: allocating a
// fresh ArrayBuffer per packet costs more than encoding it. Slabs are never reused, only
// abandoned, so a returned view is never overwritten; it may keep its 64 KiB slab alive.
const SLAB_SIZE = 64 * 1024;
const POOLED_MAX = 4 * 1024;
let slab = new Uint8Array(SLAB_SIZE);
let slabOffset = 0;

/** A zero-filled Uint8Array of exactly `size` bytes (a view into a slab when small). */
export function allocate(size: number): Uint8Array {
  if (size > POOLED_MAX) return new Uint8Array(size);
  if (slabOffset + size > SLAB_SIZE) {
    slab = new Uint8Array(SLAB_SIZE);
    slabOffset = 0;
  }
  const out = new Uint8Array(slab.buffer, slabOffset, size);
  slabOffset += size; // packets encoded one after another are adjacent: a transport can send them as one view
  return out;
}

/** What a packet family writes to; `what` names a field in the Measurer's error messages. */
export interface Sink {
  pos: number;
  u8(value: number): void;
  u16(value: number): void;
  u32(value: number): void;
  varint(value: number): void;
  /** A two-byte length then the UTF-8 bytes (the Measurer checks type, UTF-8 and length). */
  utf8(value: string, what: string): void;
  /** A two-byte length then the bytes (the Measurer checks type and length). */
  binary(value: Uint8Array, what: string): void;
  bytes(value: Uint8Array): void;
  /** A Variable Byte Integer length, then what `write` writes (a v5 property section). */
  section(write: (s: Sink) => void): void;
}

/** Counts the bytes a Writer would write; throws an MqttProtocolError on the first bad field. */
export class Measurer implements Sink {
  pos = 0;

  u8(): void {
    this.pos += 1;
  }

  u16(): void {
    this.pos += 2;
  }

  u32(): void {
    this.pos += 4;
  }

  varint(value: number): void {
    this.pos += varintLength(value);
  }

  utf8(value: unknown, what: string): void {
    if (typeof value !== 'string') invalidPacket(`${what} must be a string`);
    this.#field(utf8Length(value), what);
  }

  binary(value: unknown, what: string): void {
    if (!(value instanceof Uint8Array)) invalidPacket(`${what} must be a Uint8Array`);
    this.#field(value.length, what);
  }

  bytes(value: Uint8Array): void {
    this.pos += value.length;
  }

  section(write: (s: Sink) => void): void {
    const start = this.pos;
    write(this);
    this.pos += varintLength(this.pos - start);
  }

  #field(length: number, what: string): void {
    if (length > MAX_UINT16) tooLong(what, length);
    this.pos += 2 + length;
  }
}

export class Writer implements Sink {
  readonly buf: Uint8Array;
  pos: number;

  /** Writes into `buf` from `pos`. */
  constructor(buf: Uint8Array, pos = 0) {
    this.buf = buf;
    this.pos = pos;
  }

  u8(value: number): void {
    this.buf[this.pos++] = value;
  }

  u16(value: number): void {
    const { buf } = this;
    buf[this.pos++] = value >>> 8;
    buf[this.pos++] = value & 0xff;
  }

  u32(value: number): void {
    const { buf } = this;
    buf[this.pos++] = value >>> 24;
    buf[this.pos++] = (value >>> 16) & 0xff;
    buf[this.pos++] = (value >>> 8) & 0xff;
    buf[this.pos++] = value & 0xff;
  }

  varint(value: number): void {
    this.pos = writeVarint(this.buf, this.pos, value);
  }

  /** A two-byte length then the UTF-8 bytes; the length is back-filled, so no second measure. */
  utf8(value: string): void {
    const start = this.pos;
    const end = writeUtf8(this.buf, start + 2, value);
    const length = end - start - 2;
    this.buf[start] = length >>> 8;
    this.buf[start + 1] = length & 0xff;
    this.pos = end;
  }

  /** A two-byte length then the bytes. */
  binary(value: Uint8Array): void {
    this.u16(value.length);
    this.bytes(value);
  }

  bytes(value: Uint8Array): void {
    this.pos = copyBytes(this.buf, this.pos, value);
  }

  /** Measures the section (already validated), writes its length, then writes it. */
  section(write: (s: Sink) => void): void {
    const m = new Measurer();
    write(m);
    this.varint(m.pos);
    write(this);
  }
}

/** Copies `value` into `buf` at `pos`; a plain loop beats `set` for a few bytes. */
export function copyBytes(buf: Uint8Array, pos: number, value: Uint8Array): number {
  const n = value.length;
  if (n > 64) buf.set(value, pos);
  else for (let i = 0; i < n; i++) buf[pos + i] = value[i]!;
  return pos + n;
}

/** A string or binary field over the two-byte length limit. */
export function tooLong(what: string, length: number): never {
  return invalidPacket(`${what} is ${length} bytes, over 65535`);
}

/** Returns `remaining` unless it exceeds what a Remaining Length can carry (PACKET_TOO_LARGE, 0x95). */
export function checkRemainingLength(type: string, remaining: number): number {
  if (remaining > MAX_VARINT) fail('PACKET_TOO_LARGE', `${type} is ${remaining} bytes, over ${MAX_VARINT}`, REASON_PACKET_TOO_LARGE);
  return remaining;
}

export function checkBoolean(value: unknown, what: string): asserts value is boolean {
  if (typeof value !== 'boolean') invalidPacket(`${what} must be a boolean`);
}

export function checkOptionalBoolean(value: unknown, what: string): asserts value is boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') invalidPacket(`${what} must be a boolean`);
}

export function checkUint16(value: unknown, what: string): asserts value is number {
  if (!isIntegerIn(value, 0, MAX_UINT16)) invalidPacket(`${what} must be an integer in 0..65535`);
}

/** Packet identifiers are 1..65535 wherever one is required ([MQTT-2.3.1-1]). */
export function checkPacketId(value: unknown, what: string): asserts value is number {
  if (!isIntegerIn(value, 1, MAX_UINT16)) fail('INVALID_PACKET_ID', `${what}: packet identifier must be an integer in 1..65535`);
}

export function checkQos(value: unknown, what: string): asserts value is 0 | 1 | 2 {
  if (value !== 0 && value !== 1 && value !== 2) fail('INVALID_QOS', `${what}: QoS must be 0, 1 or 2`);
}

/** True for an integer in min..max (inclusive); false for anything else, numbers or not. */
export function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
