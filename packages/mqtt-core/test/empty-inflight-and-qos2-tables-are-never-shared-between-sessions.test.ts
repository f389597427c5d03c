// Until its first entry a window of messages in flight, and the inbound QoS 2 id set, read one
// shared empty table (memory per connection, issue 10): an entry added to one session's table
// must never show in another's, before or after.
import { expect, it } from 'vitest';
import type { PublishPacket } from '@x/mqtt-codec';
import type { SessionEffect } from '../src/session/effects.js';
import { InboundFlow } from '../src/session/inbound-flow.js';
import { InflightWindow } from '../src/session/inflight-window.js';
import { resolveSessionOptions } from '../src/session/session-options.js';

it('an entry added to one in-flight window is not in another', () => {
  const a = new InflightWindow<string>(0);
  const b = new InflightWindow<string>(0);
  expect(b.delete(1)).toBe(false);
  expect(b.drain()).toEqual([]);
  a.add({ message: 'm', packetId: 1, state: 'wait-puback', sentAt: 0 });
  a.add({ message: 'n', packetId: 2, state: 'wait-puback', sentAt: 0 });
  expect([a.size, b.size]).toEqual([2, 0]);
  expect(b.get(1)).toBeUndefined();
  expect([...new InflightWindow<string>(0).values()]).toEqual([]);
});

it('a QoS 2 id held by one inbound flow is not held by another', () => {
  const options = resolveSessionOptions({ protocolVersion: 5 });
  const a = new InboundFlow(options);
  const b = new InboundFlow(options);
  const publish: PublishPacket = { type: 'publish', topic: 't', payload: new Uint8Array(), qos: 2, retain: false, dup: false, packetId: 7 };
  const fx: SessionEffect[] = [];
  a.publish(fx, publish);
  expect([a.pendingCount, b.pendingCount]).toEqual([1, 0]);
  expect(b.snapshot()).toEqual([]);
  expect(b.pubrel(fx, 7).known).toBe(false);
  b.restore([9]);
  expect([a.snapshot(), b.snapshot(), new InboundFlow(options).snapshot()]).toEqual([[7], [9], []]);
});
