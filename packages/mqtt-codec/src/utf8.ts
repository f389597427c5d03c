// Strict UTF-8 for MQTT strings: well-formed, no surrogate code points, no U+0000
// ([MQTT-1.5.3-1], [MQTT-1.5.3-2]); a BOM is kept, never stripped ([MQTT-1.5.3-3]).
// Invariant: short ASCII strings never touch TextEncoder/TextDecoder (the hot path).
import { fail, REASON_MALFORMED_PACKET } from './fail.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();
const SHORT_STRING = 32;
/** Scratch for short ASCII strings: one array reused, never exposed. */
const units: number[] = [];
// The last short ASCII string decoded (a stream repeats its topics): bytes compared, not hashed.
const lastBytes = new Uint8Array(SHORT_STRING);
let lastLength = -1;
let lastString = '';

function sameAsLast(buf: Uint8Array, start: number): boolean {
  for (let i = 0; i < lastLength; i++) if (buf[start + i] !== lastBytes[i]) return false;
  return true;
}

function invalid(message: string): never {
  return fail('INVALID_UTF8', message, REASON_MALFORMED_PACKET);
}

/** The UTF-8 byte length of `s`; throws INVALID_UTF8 on a lone surrogate or U+0000. */
export function utf8Length(s: string): number {
  const n = s.length;
  let bytes = n;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0) invalid('U+0000 is not allowed in an MQTT string'); // [MQTT-1.5.3-2]
    } else if (c < 0x800) {
      bytes += 1;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || next < 0xdc00 || next > 0xdfff) invalid('lone surrogate in an MQTT string'); // [MQTT-1.5.3-1]
      bytes += 2; // 2 UTF-16 units -> 4 bytes
      i++;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/** Writes `s` (already checked by utf8Length) at `pos`; returns the position after it. */
export function writeUtf8(buf: Uint8Array, pos: number, s: string): number {
  const n = s.length;
  if (n > SHORT_STRING) return pos + encoder.encodeInto(s, buf.subarray(pos)).written;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[pos++] = c;
    } else if (c < 0x800) {
      buf[pos++] = 0xc0 | (c >> 6);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdbff) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      buf[pos++] = 0xf0 | (c >> 18);
      buf[pos++] = 0x80 | ((c >> 12) & 0x3f);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else {
      buf[pos++] = 0xe0 | (c >> 12);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    }
  }
  return pos;
}

/** Decodes buf[start, end) strictly; throws INVALID_UTF8 (reason 0x81) on anything ill-formed. */
export function readUtf8(buf: Uint8Array, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end; i++) {
    const b = buf[i]!;
    if (b === 0) invalid('U+0000 is not allowed in an MQTT string'); // [MQTT-1.5.3-2]
    if (b >= 0x80) ascii = false;
  }
  const length = end - start;
  if (ascii && length <= SHORT_STRING) {
    if (length === lastLength && sameAsLast(buf, start)) return lastString;
    units.length = length;
    for (let i = 0; i < length; i++) units[i] = buf[start + i]!;
    lastString = String.fromCharCode.apply(null, units);
    lastLength = length;
    lastBytes.set(buf.subarray(start, end));
    return lastString;
  }
  try {
    // fatal: ill-formed sequences and encoded surrogates (ED A0..BF xx) are rejected [MQTT-1.5.3-1]
    return decoder.decode(buf.subarray(start, end));
  } catch {
    return invalid('ill-formed UTF-8 in an MQTT string');
  }
}
