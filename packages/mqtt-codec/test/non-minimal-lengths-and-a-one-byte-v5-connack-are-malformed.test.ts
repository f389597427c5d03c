import { describe, expect, it } from 'vitest';
import { Decoder, decodeOne } from '../src/index.js';
import { bytes, OVERRULED_VECTORS, versionOf } from './support/vectors.js';

const hex = (s: string): Uint8Array => Uint8Array.from(s.split(' ').map((b) => Number.parseInt(b, 16)));
const code = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('Malformed Packet, as the specification says', () => {
  it('a Remaining Length in more bytes than needed (PINGRESP d0 80 00) [MQTT-1.5.5-1]', () => {
    expect(code(() => decodeOne(hex('d0 80 00'), 4))).toBe('MALFORMED_PACKET');
    expect(code(() => new Decoder({ protocolVersion: 5 }).push(hex('d0 80 80 00')))).toBe('MALFORMED_PACKET');
  });

  it('the minimal forms still decode: 0 in one byte, 128 in two', () => {
    expect(decodeOne(hex('d0 00'), 4)).toEqual({ type: 'pingresp' });
    const body = new Uint8Array(128);
    body.set([0x00, 0x01, 0x74], 0); // topic "t", then 125 bytes of payload
    const publish = decodeOne(Uint8Array.from([0x30, 0x80, 0x01, ...body]), 4);
    expect(publish).toMatchObject({ type: 'publish', topic: 't' });
  });

  it('a property length in more bytes than needed (v5 PUBACK with 80 00 as its property length)', () => {
    expect(code(() => decodeOne(hex('40 05 00 01 00 80 00'), 5))).toBe('MALFORMED_PACKET');
  });

  it('a v5 CONNACK with a 1-byte body is not a Success', () => {
    expect(code(() => decodeOne(hex('20 01 00'), 5))).toBe('MALFORMED_PACKET');
  });

  it.each(OVERRULED_VECTORS.map((v) => [v.name!, v] as const))('mqtt-packet vector %s, which the specification overrules, is rejected', (_name, v) => {
    expect(code(() => decodeOne(bytes(v.hex as string), versionOf(v)))).toBe('MALFORMED_PACKET');
  });

  it("a v3-only server's 2-byte CONNACK to a v5 CONNECT still reads as its return code", () => {
    expect(decodeOne(hex('20 02 00 01'), 5)).toMatchObject({ type: 'connack', reasonCode: 1 });
  });
});
