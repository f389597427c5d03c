import { expect, it } from 'vitest';
import { textBytes } from '../src/index.js';

// textBytes copies short ASCII strings into a slab instead of calling TextEncoder: it must give the
// same bytes as TextEncoder for every kind of string, and never overwrite a view it returned.
const utf8 = new TextEncoder();

it('gives TextEncoder bytes for ASCII, non-ASCII, surrogate pairs, empty and long strings', () => {
  for (const s of ['', 'a', 'sixteen bytes!!!', 'grüße', '€ and 😀', 'x'.repeat(256), 'y'.repeat(257), `${'z'.repeat(300)}é`]) {
    expect([...textBytes(s)]).toEqual([...utf8.encode(s)]);
  }
});

it('views returned earlier keep their bytes after the slab fills and a new one starts', () => {
  const kept = Array.from({ length: 2000 }, (_, i) => [String(i).padStart(200, '.'), textBytes(String(i).padStart(200, '.'))] as const);
  for (const [s, bytes] of kept) expect(new TextDecoder().decode(bytes)).toBe(s);
});
