import { describe, expect, it } from 'vitest';
import { crc32 } from '../src/crc32.js';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('crc32', () => {
  it('matches the CRC-32/ISO-HDLC check value and continues across chunks', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(ascii('56789'), 0, 5, crc32(ascii('1234')))).toBe(0xcbf43926);
  });
});
