// A bounds-checked cursor over one packet body, buf[pos, end). Every read checks the bound first,
// so a truncated packet is a MALFORMED_PACKET, never a RangeError or an `undefined` read.
// Binary fields and payloads are returned as views (subarray) into `buf`, not copies.
import { fail, malformed, REASON_PROTOCOL_ERROR } from './fail.js';
import { readUtf8 } from './utf8.js';

const EMPTY = new Uint8Array(0);

/** Like subarray, but without the species lookup that makes subarray slow in V8. */
function view(buf: Uint8Array, start: number, length: number): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset + start, length);
}

export class Reader {
  buf: Uint8Array = EMPTY;
  pos = 0;
  end = 0;

  reset(buf: Uint8Array, pos: number, end: number): this {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
    return this;
  }

  /** Drops the reference to the caller's bytes once a packet is decoded. */
  release(): void {
    this.buf = EMPTY;
    this.pos = 0;
    this.end = 0;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  #need(n: number, what: string): void {
    if (this.end - this.pos < n) malformed(`packet too short: cannot read ${what}`);
  }

  u8(what: string): number {
    this.#need(1, what);
    return this.buf[this.pos++]!;
  }

  u16(what: string): number {
    this.#need(2, what);
    const { buf, pos } = this;
    this.pos = pos + 2;
    return (buf[pos]! << 8) | buf[pos + 1]!;
  }

  u32(what: string): number {
    this.#need(4, what);
    const { buf, pos } = this;
    this.pos = pos + 4;
    return buf[pos]! * 0x1000000 + ((buf[pos + 1]! << 16) | (buf[pos + 2]! << 8) | buf[pos + 3]!);
  }

  /** A packet identifier of `type`; 0 is a Protocol Error. */
  packetId(type: string): number {
    const packetId = this.u16('packet identifier');
    if (packetId === 0) fail('INVALID_PACKET_ID', `${type}: packet identifier 0`, REASON_PROTOCOL_ERROR); // [MQTT-2.3.1-1]
    return packetId;
  }

  /** A Variable Byte Integer; more than 4 bytes is malformed (MQTT 5 §1.5.5). */
  varint(what: string): number {
    let value = 0;
    let multiplier = 1;
    for (let i = 0; i < 4; i++) {
      const b = this.u8(what);
      value += (b & 0x7f) * multiplier;
      if (b === 0 && i > 0) return malformed(`${what}: variable byte integer not in the fewest bytes [MQTT-1.5.5-1]`);
      if (b < 0x80) return value;
      multiplier *= 0x80;
    }
    return malformed(`${what}: variable byte integer longer than 4 bytes`);
  }

  utf8(what: string): string {
    const length = this.u16(what);
    this.#need(length, what);
    const start = this.pos;
    this.pos = start + length;
    return readUtf8(this.buf, start, start + length);
  }

  /** Two-byte length then data; a view into the packet bytes. */
  binary(what: string): Uint8Array {
    const length = this.u16(what);
    this.#need(length, what);
    const start = this.pos;
    this.pos = start + length;
    return view(this.buf, start, length);
  }

  /** Everything left in the packet, as a view. */
  rest(): Uint8Array {
    const start = this.pos;
    this.pos = this.end;
    return view(this.buf, start, this.end - start);
  }

  /** Leftover bytes after the last field are malformed. */
  done(what: string): void {
    if (this.pos !== this.end) malformed(`${what}: ${this.end - this.pos} extra bytes at the end`);
  }
}
