import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeOne, encode, encodedLength, PACKET_TYPE_CODES, type Packet, type ProtocolVersion } from '../src/index.js';
import { packet } from './support/arbitraries.js';

const TYPES = Object.keys(PACKET_TYPE_CODES) as Packet['type'][];

describe.each([3, 4, 5] as ProtocolVersion[])('MQTT protocol level %i', (version) => {
  // 3,000 runs take ~2 s alone and past 5 s beside other CPU-bound files on 2 cores (seen on every Node line).
  it('decode(encode(p)) deep-equals p and encode(decode(b)) equals b for every packet type', { timeout: 30_000 }, () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(packet(version), (p) => {
        seen.add(p.type);
        const b = encode(p, version);
        expect(encodedLength(p, version)).toBe(b.length);
        const decoded = decodeOne(b, version);
        expect(decoded).toStrictEqual(p);
        expect(encode(decoded, version)).toStrictEqual(b);
      }),
      { numRuns: 3000 },
    );
    expect([...seen].sort()).toEqual(TYPES.filter((t) => version === 5 || t !== 'auth').sort());
  });
});
