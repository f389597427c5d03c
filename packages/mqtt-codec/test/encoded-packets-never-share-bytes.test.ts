import { expect, it } from 'vitest';
import { encode, type Packet } from '../src/index.js';

const publish = (n: number, size: number): Packet => ({ type: 'publish', topic: `t/${n}`, payload: new Uint8Array(size).fill(n & 0xff), qos: 0, retain: false, dup: false });

it('each encoded packet owns a region no other packet shares', () => {
  const packets = Array.from({ length: 300 }, (_, i) => encode(publish(i, i * 13), 4));
  const byBuffer = new Map<ArrayBufferLike, { start: number; end: number }[]>();
  for (const p of packets) {
    const regions = byBuffer.get(p.buffer) ?? [];
    regions.push({ start: p.byteOffset, end: p.byteOffset + p.byteLength });
    byBuffer.set(p.buffer, regions);
  }
  for (const regions of byBuffer.values()) {
    regions.sort((a, b) => a.start - b.start);
    for (let i = 1; i < regions.length; i++) expect(regions[i]!.start).toBeGreaterThanOrEqual(regions[i - 1]!.end);
  }
});
