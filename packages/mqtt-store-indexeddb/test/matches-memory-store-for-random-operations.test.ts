// Model-based: any sequence of operations, applied one at a time or all at once, with reopens in
// between, loads back exactly what MemorySessionStore (the reference) holds (inbound QoS 2 ids, a
// set, in ascending order).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemorySessionStore, type StoredMessage, type StoreOperation } from '@x/mqtt-core';
import { freshIndexedDb, openStore } from './helpers/fake-db.js';

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

// Only sendable messages: the store refuses the rest (see refuses-a-record-it-could-not-send).
const flow = fc.oneof(
  fc.record({ qos: fc.constant(1 as const), state: fc.constant('wait-puback' as const) }),
  fc.record({ qos: fc.constant(2 as const), state: fc.constantFrom('wait-pubrec' as const, 'wait-pubcomp' as const) }),
);
const inFlight = fc.record({ flow, packetId: fc.integer({ min: 1, max: 65535 }) }).map(({ flow: f, packetId }) => ({ ...f, packetId: packetId as number | undefined }));
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

/**
 * The reference's state with inbound ids in ascending order: they are a set (ids awaiting PUBREL),
 * and IndexedDB lists them by key, not in insertion order.
 */
function expected(reference: MemorySessionStore): ReturnType<MemorySessionStore['load']> {
  const snapshot = reference.load();
  return snapshot === undefined ? undefined : { ...snapshot, incomingQos2: [...snapshot.incomingQos2].sort((a, b) => a - b) };
}

/** An operation, or a point where the test closes and reopens the store. */
const step = fc.oneof({ weight: 9, arbitrary: operation }, { weight: 1, arbitrary: fc.constant('reopen' as const) });

describe('IndexedDbSessionStore against MemorySessionStore', () => {
  it('loads what the reference holds after any operations and reopens', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), fc.boolean(), async (steps, concurrent) => {
        const factory = freshIndexedDb();
        const reference = new MemorySessionStore();
        let store = await openStore(factory);
        const inFlight: Promise<void>[] = [];
        for (const item of steps) {
          if (item === 'reopen') {
            await Promise.all(inFlight.splice(0));
            await store.close();
            store = await openStore(factory);
            expect(store.damage).toBeUndefined();
            expect(store.load()).toEqual(expected(reference));
            continue;
          }
          reference.apply(item);
          const applied = store.apply(item);
          if (concurrent) inFlight.push(applied);
          else await applied;
        }
        await Promise.all(inFlight);
        expect(store.load()).toEqual(expected(reference));
        await store.close();
        const reopened = await openStore(factory);
        expect(reopened.load()).toEqual(expected(reference));
        await reopened.close();
      }),
      { numRuns: 150 },
    );
  });
});
