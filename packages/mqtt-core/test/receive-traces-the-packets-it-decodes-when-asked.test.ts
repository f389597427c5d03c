// receive(bytes, now, true) answers a `received` effect for each decoded packet, before the effects
// that packet causes; without `trace` there is none (nothing is built on the hot path).
import { encode } from '@x/mqtt-codec';
import { expect, it } from 'vitest';
import { Harness, text } from './helpers/harness.js';

it('traces each decoded packet only when asked', () => {
  const h = new Harness({}, { ackPublishes: false }).connect();
  const publish = encode({ type: 'publish', topic: 't', payload: text('x'), qos: 1, retain: false, dup: false, packetId: 5 }, 4);
  const quiet = h.session.receive(publish, h.now);
  expect(quiet.filter((e) => e.type === 'received')).toEqual([]);
  const ping = encode({ type: 'pingresp' }, 4);
  const both = new Uint8Array([...publish, ...ping]);
  const traced = h.session.receive(both, h.now, true);
  const kinds = traced.map((e) => (e.type === 'received' ? `received ${e.packet.type}` : e.type));
  expect(kinds.filter((k) => k.startsWith('received'))).toEqual(['received publish', 'received pingresp']);
  expect(kinds.indexOf('received publish')).toBeLessThan(kinds.indexOf('message'));
});
