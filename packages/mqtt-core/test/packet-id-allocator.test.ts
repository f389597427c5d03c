import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PacketIdAllocator } from '../src/session/packet-id-allocator.js';

describe('a PacketIdAllocator', () => {
  it('never hands out an id that is still in use, and only ids 1..65535', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant('alloc' as const), fc.nat(200)), { maxLength: 400 }), (ops) => {
        const ids = new PacketIdAllocator();
        const inUse = new Set<number>();
        for (const op of ops) {
          if (op === 'alloc') {
            const id = ids.allocate();
            expect(id).toBeDefined();
            expect(id).toBeGreaterThanOrEqual(1);
            expect(id).toBeLessThanOrEqual(65535);
            expect(inUse.has(id as number)).toBe(false);
            inUse.add(id as number);
          } else {
            const victim = [...inUse][op % Math.max(1, inUse.size)];
            if (victim !== undefined) {
              expect(ids.release(victim)).toBe(true);
              inUse.delete(victim);
            }
          }
          expect(ids.size).toBe(inUse.size);
        }
      }),
    );
  });

  it('returns undefined when all 65535 ids are in use, and releasing twice is harmless', () => {
    const ids = new PacketIdAllocator();
    for (let i = 0; i < 65535; i++) ids.allocate();
    expect(ids.allocate()).toBeUndefined();
    expect(ids.release(7)).toBe(true);
    expect(ids.release(7)).toBe(false);
    expect(ids.allocate()).toBe(7);
  });
});
