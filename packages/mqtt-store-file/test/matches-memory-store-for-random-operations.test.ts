// Model-based: any sequence of operations, with reopens and compactions in between, loads back
// exactly what MemorySessionStore (the reference) holds.
import { rm } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemorySessionStore, type StoredMessage, type StoreOperation } from '@x/mqtt-core';
import { FileSessionStore } from '../src/index.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

const properties = fc.record(
  {
    payloadFormatIndicator: fc.constantFrom(0 as const, 1 as const),
    messageExpiryInterval: fc.nat(),
    contentType: fc.string({ unit: 'grapheme' }),
    correlationData: fc.uint8Array({ maxLength: 16 }),
    subscriptionIdentifiers: fc.array(fc.integer({ min: 1, max: 268435455 }), { maxLength: 3 }),
    userProperties: fc.array(fc.tuple(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' })), { maxLength: 3 }),
    responseTopic: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((topic) => !/[+#\u0000]/.test(topic)),
  },
  { requiredKeys: [] },
);

// Only sendable messages: the store refuses the rest (see refuses-a-crafted-record-it-could-not-send).
const flow = fc.oneof(
  fc.record({ qos: fc.constant(1 as const), state: fc.constantFrom('wait-puback' as const) }),
  fc.record({ qos: fc.constant(2 as const), state: fc.constantFrom('wait-pubrec' as const, 'wait-pubcomp' as const) }),
);
const inFlight = fc.record({ flow, packetId: fc.integer({ min: 1, max: 65535 }) }).map(({ flow: f, packetId: id }) => ({ ...f, packetId: id as number | undefined }));
const queued = fc.record({
  qos: fc.constantFrom(1 as const, 2 as const),
  state: fc.constant('queued' as const),
  packetId: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
});

const storedMessage: fc.Arbitrary<StoredMessage> = fc
  .record({
    mid: fc.integer({ min: 1, max: 8 }),
    topic: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((topic) => !/[+#\u0000]/.test(topic)),
    payload: fc.uint8Array({ maxLength: 40 }),
    where: fc.oneof(inFlight, queued),
    retain: fc.boolean(),
    properties: fc.option(properties, { nil: undefined }),
  })
  .map(({ where, ...rest }) => ({ ...rest, ...where }));

const packetId = fc.integer({ min: 1, max: 6 });
const operation: fc.Arbitrary<StoreOperation> = fc.oneof(
  { weight: 4, arbitrary: storedMessage.map((message) => ({ op: 'putOutgoing' as const, message })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 8 }).map((mid) => ({ op: 'deleteOutgoing' as const, mid })) },
  { weight: 2, arbitrary: packetId.map((id) => ({ op: 'putIncoming' as const, packetId: id })) },
  { weight: 1, arbitrary: packetId.map((id) => ({ op: 'deleteIncoming' as const, packetId: id })) },
  { weight: 1, arbitrary: fc.constant({ op: 'clearIncoming' as const }) },
);

/** An operation, or a point where the test closes and reopens the store. */
const step = fc.oneof({ weight: 9, arbitrary: operation }, { weight: 1, arbitrary: fc.constant('reopen' as const) });

describe('FileSessionStore against MemorySessionStore', () => {
  it('loads what the reference holds after any operations, reopens and compactions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), fc.constantFrom(0, 200, 1 << 20), fc.boolean(), async (steps, compactMinBytes, concurrent) => {
        const dir = await tempDir();
        const options = { durability: 'none' as const, compactMinBytes, compactRatio: 1.5 };
        const reference = new MemorySessionStore();
        let store = await FileSessionStore.open(dir, options);
        try {
          const inFlight: Promise<void>[] = [];
          for (const item of steps) {
            if (item === 'reopen') {
              await Promise.all(inFlight.splice(0));
              await store.close();
              store = await FileSessionStore.open(dir, options);
              expect(store.load()).toEqual(reference.load());
              continue;
            }
            reference.apply(item);
            const applied = store.apply(item);
            if (concurrent) inFlight.push(applied);
            else await applied;
          }
          await Promise.all(inFlight);
          expect(store.load()).toEqual(reference.load());
          await store.close();
          store = await FileSessionStore.open(dir, options);
          expect(store.corruption).toBeUndefined();
          expect(store.load()).toEqual(reference.load());
        } finally {
          await store.close();
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
