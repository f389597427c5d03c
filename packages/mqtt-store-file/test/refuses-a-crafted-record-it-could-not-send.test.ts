// A record whose CRC is valid but whose message the session could not send (a wildcard, empty or
// 70,000-byte topic, invalid v5 properties, a QoS or state that cannot be stored, a packet id out of
// range) is damage: open() keeps the records before it, reports it, and never hands it to the
// session. apply() refuses to write such a message in the first place.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encode, type PublishPacket } from '@x/mqtt-codec';
import type { StoredMessage } from '@x/mqtt-core';
import { ByteWriter } from '../src/bytes.js';
import { FileSessionStore, LOG_FILE } from '../src/index.js';
import { frameRecord } from '../src/log-format.js';
import { encodeEntry, FORMAT_VERSION } from '../src/operation-codec.js';
import { writeValue } from '../src/value-codec.js';
import { message, put } from './helpers/messages.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

const STATE_CODES = { queued: 0, 'wait-puback': 1, 'wait-pubrec': 2, 'wait-pubcomp': 3 } as const;

interface Crafted {
  readonly topic?: string;
  /** Raw topic bytes instead of `topic` (for bytes that are not UTF-8). */
  readonly topicBytes?: Uint8Array;
  readonly qos?: number;
  readonly state?: keyof typeof STATE_CODES;
  /** null: no packet id field at all. */
  readonly packetId?: number | null;
  readonly properties?: unknown;
}

/** A putOutgoing body written byte by byte as the format says, bypassing encodeEntry's checks. */
function craftedPut(mid: number, crafted: Crafted): Uint8Array {
  const packetId = crafted.packetId === undefined ? mid : crafted.packetId;
  let flags = crafted.qos ?? 1;
  if (packetId !== null) flags |= 0b1000;
  if (crafted.properties !== undefined) flags |= 0b1_0000;
  const w = new ByteWriter().u8(1).varint(mid).u8(flags).u8(STATE_CODES[crafted.state ?? 'wait-puback']);
  if (packetId !== null) w.varint(packetId);
  if (crafted.topicBytes !== undefined) w.bytes(crafted.topicBytes);
  else w.string(crafted.topic ?? `t/${mid}`);
  if (crafted.properties !== undefined) writeValue(w, crafted.properties);
  return w.raw(new Uint8Array([1, 2, 3])).view().slice();
}

const CASES: readonly (readonly [string, Crafted])[] = [
  ['a wildcard topic', { topic: 'a/#' }],
  ['a single-level wildcard topic', { topic: 'a/+/b' }],
  ['an empty topic', { topic: '' }],
  ['a topic with U+0000', { topic: 'a\u0000b' }],
  ['a topic of 70,000 bytes', { topic: 'x'.repeat(70_000) }],
  ['a topic that is not UTF-8', { topicBytes: new Uint8Array([0x61, 0xff, 0x62]) }],
  ['an unknown property', { properties: { noSuchProperty: 1 } }],
  ['topicAlias 0', { properties: { topicAlias: 0 } }],
  ['malformed userProperties', { properties: { userProperties: [['only-a-name']] } }],
  ['a property not allowed on PUBLISH', { properties: { sessionExpiryInterval: 10 } }],
  ['QoS 3', { qos: 3 }],
  ['QoS 0 (never stored)', { qos: 0, packetId: null, state: 'queued' }],
  ['packet id 0', { packetId: 0 }],
  ['packet id 65536', { packetId: 65_536 }],
  ['QoS 1 waiting for PUBREC', { qos: 1, state: 'wait-pubrec' }],
  ['QoS 1 waiting for PUBCOMP', { qos: 1, state: 'wait-pubcomp' }],
  ['QoS 2 waiting for PUBACK', { qos: 2, state: 'wait-puback' }],
  ['in flight without a packet id', { packetId: null, state: 'wait-puback' }],
];

async function logWith(crafted: Uint8Array): Promise<{ dir: string; craftedAt: number }> {
  const dir = await tempDir();
  const before = [
    frameRecord(encodeEntry({ op: 'header', formatVersion: FORMAT_VERSION })),
    frameRecord(encodeEntry(put(message(1)))),
  ];
  const craftedAt = before.reduce((sum, record) => sum + record.length, 0);
  const after = frameRecord(encodeEntry(put(message(3))));
  await writeFile(join(dir, LOG_FILE), Buffer.concat([...before, frameRecord(crafted), after]));
  return { dir, craftedAt };
}

/** What the session would do with each loaded message: build and encode its PUBLISH. */
function sendAll(messages: readonly StoredMessage[]): void {
  for (const m of messages) {
    const packet: PublishPacket = { type: 'publish', topic: m.topic, payload: m.payload, qos: m.qos, retain: m.retain, dup: false, packetId: m.packetId ?? 1 };
    encode(m.properties === undefined ? packet : { ...packet, properties: m.properties }, m.properties === undefined ? 4 : 5);
  }
}

describe('a crafted putOutgoing record with a valid CRC', () => {
  it('is kept when it is sendable (the control case)', async () => {
    const { dir } = await logWith(craftedPut(2, { topic: 'a/b', qos: 2, state: 'wait-pubcomp', properties: { topicAlias: 3, userProperties: [['k', 'v']] } }));
    const store = await FileSessionStore.open(dir);
    expect(store.corruption).toBeUndefined();
    expect(store.load()?.outgoing.map((m) => m.mid)).toEqual([1, 2, 3]);
    await store.close();
  });

  for (const [name, crafted] of CASES) {
    it(`with ${name} is reported as damage, and the records before it are kept`, async () => {
      const { dir, craftedAt } = await logWith(craftedPut(2, crafted));
      const store = await FileSessionStore.open(dir);
      expect(store.corruption).toMatchObject({ reason: 'malformed', offset: craftedAt, recordsKept: 2 });
      expect(store.corruption?.error.code).toBe('SESSION_STORE_ERROR');
      const outgoing = store.load()?.outgoing ?? [];
      expect(outgoing.map((m) => m.mid)).toEqual([1]);
      expect(() => sendAll(outgoing)).not.toThrow();
      await store.close();
    });
  }
});

describe('a crafted inbound QoS 2 record', () => {
  for (const packetId of [0, 65_536]) {
    it(`with packet id ${packetId} is reported as damage`, async () => {
      const { dir, craftedAt } = await logWith(new ByteWriter().u8(3).varint(packetId).view().slice());
      const store = await FileSessionStore.open(dir);
      expect(store.corruption).toMatchObject({ reason: 'malformed', offset: craftedAt });
      expect(store.load()?.incomingQos2).toEqual([]);
      await store.close();
    });
  }
});

describe('apply() of a message the session could not send', () => {
  const unsendable: readonly (readonly [string, Partial<StoredMessage>])[] = [
    ['a wildcard topic', { topic: 'a/#' }],
    ['an empty topic', { topic: '' }],
    ['a topic of 70,000 bytes', { topic: 'x'.repeat(70_000) }],
    ['an unknown property', { properties: { noSuchProperty: 1 } as StoredMessage['properties'] }],
    ['topicAlias 0', { properties: { topicAlias: 0 } }],
    ['QoS 0', { qos: 0, packetId: undefined, state: 'queued' }],
    ['a state that does not fit the QoS', { qos: 1, state: 'wait-pubcomp' }],
  ];
  for (const [name, overrides] of unsendable) {
    it(`with ${name} rejects, writes nothing, and later operations still survive a reopen`, async () => {
      const dir = await tempDir();
      const store = await FileSessionStore.open(dir);
      const size = store.logSize;
      await expect(store.apply(put(message(2, overrides)))).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
      expect(store.logSize).toBe(size);
      await store.apply(put(message(3)));
      await store.close();
      const reopened = await FileSessionStore.open(dir);
      expect(reopened.corruption).toBeUndefined();
      expect(reopened.load()?.outgoing.map((m) => m.mid)).toEqual([3]);
      await reopened.close();
    });
  }
});
