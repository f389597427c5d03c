// Variable Byte Integer (MQTT 5 §1.5.5, 3.1.1 §2.2.3): 7 bits a byte, least significant first.
// Invariant: at most 4 bytes, so values 0..268,435,455; writers assume the value was range-checked.

/** The largest value a Variable Byte Integer can carry (and the largest Remaining Length). */
export const MAX_VARINT = 268_435_455;

export function varintLength(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : 4;
}

/** Writes `value` at `pos` and returns the position after it. */
export function writeVarint(buf: Uint8Array, pos: number, value: number): number {
  while (value >= 0x80) {
    buf[pos++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  buf[pos++] = value;
  return pos;
}
