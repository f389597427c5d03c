// A cursor over one preallocated output buffer, plus the measuring helpers that validate a field
// while computing its size. Invariant: `encode` measures (and so validates) everything first, then
// writes into a buffer of exactly that size; the write pass never allocates and never checks.
import { fail, invalidPacket } from './fail.js';
import { utf8Length, writeUtf8 } from './utf8.js';
import { writeVarint } from './varint.js';

export const MAX_UINT16 = 0xffff;

export class Writer {
  readonly buf: Uint8Array;
  pos = 0;

  constructor(size: number) {
    this.buf = new Uint8Array(size);
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
    this.buf.set(value, this.pos);
    this.pos += value.length;
  }
}

/** Size on the wire of a UTF-8 string field (2 + bytes); validates type, UTF-8 and length. */
export function measureString(value: unknown, what: string): number {
  if (typeof value !== 'string') invalidPacket(`${what} must be a string`);
  const length = utf8Length(value);
  if (length > MAX_UINT16) invalidPacket(`${what} is ${length} bytes; an MQTT string holds at most 65535`);
  return 2 + length;
}

/** Size on the wire of a binary field (2 + bytes); validates type and length. */
export function measureBinary(value: unknown, what: string): number {
  if (!(value instanceof Uint8Array)) invalidPacket(`${what} must be a Uint8Array`);
  if (value.length > MAX_UINT16) invalidPacket(`${what} is ${value.length} bytes; binary data holds at most 65535`);
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
