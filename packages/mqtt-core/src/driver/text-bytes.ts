// UTF-8 bytes of a string payload. Short ASCII strings (the common payload: JSON, numbers, short
// text) are copied into a slab here, without TextEncoder, whose per-call cost dominates a short
// string. Invariant: a slab is never rewound, so a returned view is never overwritten.

const SLAB_SIZE = 16 * 1024;
/** Longer strings go to TextEncoder, which is faster per byte. */
const SHORT = 256;
const encoder = new TextEncoder();
let slab = new Uint8Array(SLAB_SIZE);
let offset = 0;

/** The UTF-8 encoding of `text` (a view into a shared slab when short and ASCII). */
export function textBytes(text: string): Uint8Array {
  const n = text.length;
  if (n > SHORT) return encoder.encode(text);
  if (offset + n > SLAB_SIZE) {
    slab = new Uint8Array(SLAB_SIZE);
    offset = 0;
  }
  const start = offset;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return encoder.encode(text);
    slab[start + i] = c;
  }
  offset = start + n;
  return slab.subarray(start, offset);
}
