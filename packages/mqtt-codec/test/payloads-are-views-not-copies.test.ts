import { expect, it } from 'vitest';
import { Decoder, encode, type PublishPacket } from '../src/index.js';

const bytes = encode({ type: 'publish', topic: 'a/b', payload: new Uint8Array([1, 2, 3, 4]), qos: 1, retain: false, dup: false, packetId: 5 }, 4);

it('a packet that arrives in one chunk has its payload viewed in that chunk; a split one is assembled once', () => {
  const chunk = Buffer.concat([bytes, bytes]); // a Node Buffer is accepted as input
  const [one, two] = new Decoder({ protocolVersion: 4 }).push(chunk) as PublishPacket[];
  expect(one!.payload.buffer).toBe(chunk.buffer);
  expect(two!.payload.buffer).toBe(chunk.buffer);
  expect(Array.from(two!.payload)).toEqual([1, 2, 3, 4]);

  const decoder = new Decoder({ protocolVersion: 4 });
  const head = bytes.slice(0, 6);
  const tail = bytes.slice(6);
  expect(decoder.push(head)).toEqual([]);
  expect(decoder.buffered).toBe(6);
  const [split] = decoder.push(tail) as PublishPacket[];
  expect(split!.payload.buffer).not.toBe(head.buffer);
  expect(split!.payload.buffer).not.toBe(tail.buffer);
  expect(split!.payload.buffer.byteLength).toBe(bytes.length - 2); // the assembled body only
  expect(decoder.buffered).toBe(0);
});
