import { describe, expect, it } from 'vitest';
import { FileSessionStore } from '../src/index.js';
import { clearIn, del, delIn, message, put, putIn } from './helpers/messages.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('a store reopened in a new object', () => {
  it('returns exactly the state the applied operations describe', async () => {
    const dir = await tempDir();
    const first = await FileSessionStore.open(dir);
    const properties = {
      payloadFormatIndicator: 1 as const,
      messageExpiryInterval: 3600,
      contentType: 'application/cbor',
      responseTopic: 'reply/ü/✓',
      correlationData: new Uint8Array([0, 255, 128, 7]),
      subscriptionIdentifiers: [1, 268435455],
      userProperties: [
        ['a', '1'],
        ['a', '2'],
        ['', 'é'],
      ] as [string, string][],
    };
    const payload = new Uint8Array(300).map((_, i) => (i * 37) & 0xff);
    const ops = [
      put(message(1)),
      put(message(2, { qos: 2, state: 'wait-pubrec', retain: true, properties, payload, topic: 'a/b/c' })),
      put(message(3, { state: 'queued', packetId: undefined })),
      putIn(17),
      put(message(1, { state: 'wait-puback', packetId: 99, payload: new Uint8Array([9]) })), // replace keeps position
      del(3),
      put(message(5)),
      putIn(18),
      putIn(19),
      delIn(18),
      put(message(2, { qos: 2, state: 'wait-pubcomp', retain: true, properties, payload, topic: 'a/b/c' })),
    ];
    for (const op of ops) await first.apply(op);
    await first.close();

    const second = await FileSessionStore.open(dir);
    expect(second.corruption).toBeUndefined();
    const snapshot = second.load();
    expect(snapshot).toEqual({
      version: 1,
      outgoing: [
        message(1, { packetId: 99, payload: new Uint8Array([9]) }),
        message(2, { qos: 2, state: 'wait-pubcomp', retain: true, properties, payload, topic: 'a/b/c' }),
        message(5),
      ],
      incomingQos2: [17, 19],
      nextMid: 6,
    });
    const stored = snapshot?.outgoing[1]?.properties;
    expect(stored?.correlationData).toBeInstanceOf(Uint8Array);
    expect(Array.from(stored?.correlationData ?? [])).toEqual([0, 255, 128, 7]);
    expect(Array.from(snapshot?.outgoing[1]?.payload ?? [])).toEqual(Array.from(payload));

    await second.apply(clearIn);
    await second.close();
    const third = await FileSessionStore.open(dir);
    expect(third.load()?.incomingQos2).toEqual([]);
    await third.close();
  });

  it('keeps nextMid after every message was deleted and the log compacted', async () => {
    const dir = await tempDir();
    const first = await FileSessionStore.open(dir, { compactMinBytes: 0 });
    await first.apply(put(message(41)));
    await first.apply(del(41));
    await first.apply(putIn(3));
    await first.close();
    const second = await FileSessionStore.open(dir);
    expect(second.load()).toEqual({ version: 1, outgoing: [], incomingQos2: [3], nextMid: 42 });
    await second.close();
  });

  it('loads undefined from a new directory', async () => {
    const store = await FileSessionStore.open(await tempDir());
    expect(store.load()).toBeUndefined();
    await store.close();
  });
});
