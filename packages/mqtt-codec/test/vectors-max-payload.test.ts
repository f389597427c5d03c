import { describe, expect, it } from 'vitest';
import { encode, type PublishPacket } from '../src/index.js';
import { decodeChunks } from './support/feed.js';
import { toPacket, VECTORS } from './support/vectors.js';

// The one $bigbuf roundtrip: a 256 MiB PUBLISH (remaining length 268,435,455, the maximum).
// Fed whole and in 64 KiB chunks; not one byte at a time (268 million pushes) nor split at every
// position (quadratic), which the other byte vectors are.
const v = VECTORS.find((c) => c.name === 'Max payload publish packet')!;
const CHUNK = 64 * 1024;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

describe('the maximum-size PUBLISH vector', () => {
  it('encodes to 268,435,460 bytes and decodes back whole and in 64 KiB chunks', { timeout: 120_000 }, () => {
    const packet = toPacket(v.object!) as PublishPacket;
    const encoded = encode(packet, 4);
    expect(encoded.length).toBe((v.hex as { $bigbuf: number }).$bigbuf);
    expect(Array.from(encoded.subarray(0, 11))).toEqual([0x30, 0xff, 0xff, 0xff, 0x7f, 0x00, 0x04, 0x74, 0x65, 0x73, 0x74]);

    const chunks: Uint8Array[] = [];
    for (let i = 0; i < encoded.length; i += CHUNK) chunks.push(encoded.subarray(i, i + CHUNK));
    for (const feeding of [[encoded], chunks]) {
      const [decoded, ...rest] = decodeChunks(feeding, 4) as PublishPacket[];
      expect(rest).toEqual([]);
      expect({ ...decoded!, payload: undefined }).toEqual({ ...packet, payload: undefined });
      expect(sameBytes(decoded!.payload, packet.payload)).toBe(true);
    }
  });
});
