import { describe, expect, it } from 'vitest';
import { decodeOne, encode } from '../src/index.js';
import { bytes, hexOf, toPacket, VECTORS, versionOf } from './support/vectors.js';

const parse = VECTORS.filter((v) => v.kind === 'parse');
const generate = VECTORS.filter((v) => v.kind === 'generate');

describe('mqtt-packet parse and generate vectors', () => {
  it('are 16 parse and 10 generate cases (one parse case is overruled by the specification)', () => {
    expect([parse.length, generate.length]).toEqual([16, 10]);
  });

  it.each(parse.map((v) => [v.name!, v] as const))('parse %s: decodes to the object', (_name, v) => {
    expect(decodeOne(bytes(v.hex as string), versionOf(v))).toEqual(toPacket(v.object!));
  });

  it.each(generate.map((v) => [v.name!, v] as const))('generate %s: encodes to the bytes', (_name, v) => {
    expect(hexOf(encode(toPacket(v.object!), versionOf(v)))).toBe(v.hex);
  });
});
