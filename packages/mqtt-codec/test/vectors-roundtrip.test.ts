import { describe, expect, it } from 'vitest';
import { decodeOne, encode, isMqttError } from '../src/index.js';
import { bytes, hexOf, MAXIMUM_QOS_2_CASES, MAXIMUM_QOS_2_REASON, toPacket, VECTORS, versionOf } from './support/vectors.js';

const cases = VECTORS.filter((v) => v.kind === 'roundtrip' && typeof v.hex === 'string');
const expressible = cases.filter((v) => !MAXIMUM_QOS_2_CASES.includes(v.name!));

describe('mqtt-packet roundtrip vectors', () => {
  it('are all accounted for (56 with hex, plus the $bigbuf one in its own file)', () => {
    expect(cases.length + 1).toBe(VECTORS.filter((v) => v.kind === 'roundtrip').length);
    expect(cases.length - expressible.length).toBe(MAXIMUM_QOS_2_CASES.length);
  });

  it.each(expressible.map((v) => [v.name!, v] as const))('%s: encodes to its bytes and decodes back to the object', (_name, v) => {
    const packet = toPacket(v.object!);
    const version = versionOf(v);
    expect(hexOf(encode(packet, version))).toBe(v.hex);
    expect(decodeOne(bytes(v.hex as string), version)).toEqual(packet);
  });

  describe(`excluded: ${MAXIMUM_QOS_2_REASON}`, () => {
    it.each(MAXIMUM_QOS_2_CASES.map((name) => [name, cases.find((v) => v.name === name)!] as const))('%s: is rejected both ways, and round-trips with maximumQoS 1', (_name, v) => {
      const packet = toPacket(v.object!);
      const hex = v.hex as string;
      expect(() => encode(packet, 5)).toThrow(expect.objectContaining({ code: 'INVALID_PROPERTY' }));
      let error: unknown;
      try {
        decodeOne(bytes(hex), 5);
      } catch (e) {
        error = e;
      }
      expect(isMqttError(error) && error.code === 'INVALID_PROPERTY' && error.reasonCode === 0x82).toBe(true);

      const fixed = { ...packet, properties: { ...(packet as { properties: object }).properties, maximumQoS: 1 } } as typeof packet;
      const fixedHex = hex.replace('2402', '2401');
      expect(hexOf(encode(fixed, 5))).toBe(fixedHex);
      expect(decodeOne(bytes(fixedHex), 5)).toEqual(fixed);
    });
  });
});
