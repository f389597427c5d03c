// Encoded packets are views into shared slabs (see src/writer.ts allocate): a slab is filled once and
// then abandoned, never rewound, so a packet the caller keeps is never overwritten.
import { expect, it } from 'vitest';
import { encode, type Packet } from '../src/index.js';

const publish = (n: number, size: number): Packet => ({ type: 'publish', topic: `t/${n}`, payload: new Uint8Array(size).fill(n & 0xff), qos: 0, retain: false, dup: false });

it('a kept packet keeps its bytes while later encodes fill and replace the shared slab many times', () => {
  const kept = [encode(publish(1, 16), 4), encode(publish(2, 1024), 4), encode({ type: 'pingreq' }, 4)];
  const copies = kept.map((bytes) => Uint8Array.from(bytes));
  const sizes = [0, 7, 100, 1000, 1024, 3000, 4096, 5000];
  for (let i = 0; i < 2000; i++) encode(publish(i, sizes[i % sizes.length]!), 4); // several MiB through the slabs
  kept.forEach((bytes, i) => expect(Array.from(bytes)).toEqual(Array.from(copies[i]!)));
});
