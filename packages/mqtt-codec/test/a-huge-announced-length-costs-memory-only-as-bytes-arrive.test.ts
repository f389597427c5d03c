import { expect, it } from 'vitest';
import { Decoder, encode } from '../src/index.js';

it('a header announcing 256 MB allocates only as its bytes arrive, and the packet still decodes when they do', () => {
  const decoder = new Decoder({ protocolVersion: 4 });
  const before = process.memoryUsage().arrayBuffers;
  // PUBLISH, remaining length 268,435,455 (0xff 0xff 0xff 0x7f), then a few body bytes
  decoder.push(Uint8Array.of(0x30, 0xff, 0xff, 0xff, 0x7f, 0x00, 0x01, 0x61));
  const grown = process.memoryUsage().arrayBuffers - before;
  expect(decoder.buffered).toBe(8);
  expect(grown).toBeLessThan(1024 * 1024);

  // a 300 KiB packet fed in 1 KiB chunks grows its buffer and comes out whole
  const payload = new Uint8Array(300 * 1024).map((_, i) => i % 251);
  const bytes = encode({ type: 'publish', topic: 't', payload, qos: 0, retain: false, dup: false }, 4);
  const fresh = new Decoder({ protocolVersion: 4 });
  const packets = [];
  for (let i = 0; i < bytes.length; i += 1024) packets.push(...fresh.push(bytes.subarray(i, i + 1024)));
  expect(packets).toHaveLength(1);
  const [packet] = packets;
  expect(packet?.type === 'publish' && packet.payload).toEqual(payload);
});
