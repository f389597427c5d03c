import { describe, expect, it } from 'vitest';
import { encode, isMqttError, MqttProtocolError } from '../src/index.js';
import { decodeChunks, feedings } from './support/feed.js';
import { bytes, toPacket, VECTORS, versionOf } from './support/vectors.js';

const parseErrors = VECTORS.filter((v) => v.kind === 'parseError');
// writeToStream errors are generate errors through mqtt-packet's stream API; ours has one encode.
const generateErrors = VECTORS.filter((v) => v.kind === 'generateError' || v.kind === 'writeToStreamError');

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('mqtt-packet error vectors', () => {
  it('are 60 parse errors and 31 generate errors', () => {
    expect([parseErrors.length, generateErrors.length]).toEqual([60, 31]);
  });

  it.each(parseErrors.map((v, i) => [`#${i} ${v.hex as string} (${v.error})`, v] as const))('parse error %s: is rejected with an MqttProtocolError however it is fed', (_name, v) => {
    for (const { how, chunks } of feedings(bytes(v.hex as string))) {
      const error = thrown(() => decodeChunks(chunks, versionOf(v)));
      expect(error instanceof MqttProtocolError, `${how}: ${String(error)}`).toBe(true);
    }
  });

  it.each(generateErrors.map((v, i) => [`#${i} ${v.name ?? v.error}`, v] as const))('generate error %s: is rejected with an MqttProtocolError', (_name, v) => {
    const error = thrown(() => encode(toPacket(v.object!), versionOf(v)));
    expect(isMqttError(error), String(error)).toBe(true);
    expect(error).toBeInstanceOf(MqttProtocolError);
  });
});
