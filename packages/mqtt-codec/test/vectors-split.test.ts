import { describe, expect, it } from 'vitest';
import { decodeChunks, feedings } from './support/feed.js';
import { bytes, MAXIMUM_QOS_2_CASES, plain, toPacket, VECTORS, versionOf } from './support/vectors.js';

// Every valid byte case (the $bigbuf one is fed in 64 KiB chunks in its own file: splitting
// 256 MiB at every position is quadratic).
const cases = VECTORS.filter((v) => (v.kind === 'roundtrip' || v.kind === 'parse') && typeof v.hex === 'string' && !MAXIMUM_QOS_2_CASES.includes(v.name!));

describe('mqtt-packet byte vectors fed in pieces', () => {
  it.each(cases.map((v) => [`${v.kind} ${v.name!}`, v] as const))('%s: decodes the same one byte at a time and split at every position', (_name, v) => {
    const expected = plain(toPacket(v.object!));
    for (const { how, chunks } of feedings(bytes(v.hex as string))) {
      expect(plain(decodeChunks(chunks, versionOf(v))), how).toEqual([expected]);
    }
  });
});
