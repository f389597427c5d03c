// The fuzz property shared by the CI test and the long-running script: random bytes and mutated
// valid packets, fed in random chunks; only MqttError may come out, and `buffered` stays within
// maximumPacketSize.
import fc from 'fast-check';
import { Decoder, encode, isMqttError, type ProtocolVersion } from '../../src/index.js';
import { packet } from './arbitraries.js';

export const FUZZ_MAXIMUM_PACKET_SIZE = 512;

const version = fc.constantFrom(3 as ProtocolVersion, 4 as ProtocolVersion, 5 as ProtocolVersion);

const mutatedPackets = version.chain((v) =>
  fc.tuple(
    fc.constant(v),
    fc.array(packet(v), { minLength: 1, maxLength: 4 }),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
  ).map(([pv, packets, flips]) => {
    const stream = Uint8Array.from(packets.flatMap((p) => Array.from(encode(p, pv))));
    for (const [at, value] of flips) if (stream.length > 0) stream[at % stream.length] = value;
    return { version: pv, stream };
  }),
);

const randomBytes = fc.tuple(version, fc.uint8Array({ maxLength: 600 })).map(([v, stream]) => ({ version: v, stream }));

export const fuzzInput = fc.tuple(fc.oneof(mutatedPackets, randomBytes), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }));

/** Returns a description of the violation, or undefined when the decoder behaved. */
export function fuzzOnce([{ version: v, stream }, sizes]: [{ version: ProtocolVersion; stream: Uint8Array }, number[]]): string | undefined {
  const decoder = new Decoder({ protocolVersion: v, maximumPacketSize: FUZZ_MAXIMUM_PACKET_SIZE });
  let at = 0;
  let k = 0;
  while (at < stream.length) {
    const end = Math.min(stream.length, at + sizes[k++ % sizes.length]!);
    try {
      decoder.push(stream.subarray(at, end));
    } catch (error) {
      if (!isMqttError(error)) return `non-MqttError escaped: ${String(error)}`;
      return undefined;
    }
    if (decoder.buffered > FUZZ_MAXIMUM_PACKET_SIZE) return `buffered ${decoder.buffered} > ${FUZZ_MAXIMUM_PACKET_SIZE}`;
    at = end;
  }
  return undefined;
}
