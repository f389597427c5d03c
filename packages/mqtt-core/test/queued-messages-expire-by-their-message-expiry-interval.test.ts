import { expect, it } from 'vitest';
import { Harness, str, text } from './helpers/harness.js';

it('v5: a message that waited offline goes out with what is left of its Message Expiry Interval, or fails MESSAGE_EXPIRED once it ran out', () => {
  const h = new Harness({ protocolVersion: 5 });
  const lasting = h.session.publish({ topic: 't', payload: text('lasting'), qos: 1, properties: { messageExpiryInterval: 10 } }, h.now);
  const brief = h.session.publish({ topic: 't', payload: text('brief'), qos: 1, properties: { messageExpiryInterval: 3 } }, h.now);
  const forever = h.session.publish({ topic: 't', payload: text('forever'), qos: 1 }, h.now);
  for (const r of [lasting, brief, forever]) h.run(r.effects);
  h.advance(4_000);
  h.connect();
  const sent = h.broker.sent('publish');
  expect(sent.map((p) => `${str(p.payload)} ${p.properties?.messageExpiryInterval ?? '-'}`)).toEqual(['lasting 6', 'forever -']);
  expect(h.of('requestFailed').map((f) => [f.mid, f.error.code])).toEqual([[brief.mid, 'MESSAGE_EXPIRED']]);
});
