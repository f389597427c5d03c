// A cursor over one preallocated output buffer, plus the measuring helpers that validate a field
// while computing its size. Invariant: `encode` measures (and so validates) everything first, then
// writes into a buffer of exactly that size; the write pass never allocates and never checks.
import { fail, invalidPacket, REASON_PACKET_TOO_LARGE } from './fail.js';
import { utf8Length, writeUtf8 } from './utf8.js';
import { MAX_VARINT, writeVarint } from './varint.js';

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
  slabOffset = (slabOffset + size + 7) & ~7; // keep views 8-byte aligned
  return out;
}

export class Writer {
  readonly buf: Uint8Array;
  pos: number;

  /** Writes into `buf` from `pos`; `Writer.ofSize(n)` allocates. */
  constructor(buf: Uint8Array, pos = 0) {
    this.buf = buf;
    this.pos = pos;
  }

  static ofSize(size: number): Writer {
    return new Writer(allocate(size));
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
  return invalidPacket(`${what} is ${length} bytes; at most 65535 fit a length-prefixed field`);
}

/** Returns `remaining` unless it exceeds what a Remaining Length can carry (PACKET_TOO_LARGE, 0x95). */
export function checkRemainingLength(type: string, remaining: number): number {
  if (remaining > MAX_VARINT) fail('PACKET_TOO_LARGE', `${type}: ${remaining} bytes exceed the maximum remaining length ${MAX_VARINT}`, REASON_PACKET_TOO_LARGE);
  return remaining;
}

/** Size on the wire of a UTF-8 string field (2 + bytes); validates type, UTF-8 and length. */
export function measureString(value: unknown, what: string): number {
  if (typeof value !== 'string') invalidPacket(`${what} must be a string`);
  const length = utf8Length(value);
  if (length > MAX_UINT16) tooLong(what, length);
  return 2 + length;
}

/** Size on the wire of a binary field (2 + bytes); validates type and length. */
export function measureBinary(value: unknown, what: string): number {
  if (!(value instanceof Uint8Array)) invalidPacket(`${what} must be a Uint8Array`);
  if (value.length > MAX_UINT16) tooLong(what, value.length);
  return 2 + value.length;
}

export function checkBoolean(value: unknown, what: string): asserts value is boolean {
  if (typeof value !== 'boolean') invalidPacket(`${what} must be a boolean`);
}

export function checkOptionalBoolean(value: unknown, what: string): asserts value is boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') invalidPacket(`${what} must be a boolean when present`);
}

export function checkUint16(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_UINT16) {
    invalidPacket(`${what} must be an integer in 0..65535`);
  }
}

/** Packet identifiers are 1..65535 wherever one is required ([MQTT-2.3.1-1]). */
export function checkPacketId(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_UINT16) {
    fail('INVALID_PACKET_ID', `${what}: packet identifier must be an integer in 1..65535`);
  }
}

export function checkQos(value: unknown, what: string): asserts value is 0 | 1 | 2 {
  if (value !== 0 && value !== 1 && value !== 2) fail('INVALID_QOS', `${what}: QoS must be 0, 1 or 2`);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
