import { expect, it } from 'vitest';
import { Harness, text } from './helpers/harness.js';

it('v5: a PUBLISH above the broker\'s Maximum QoS or with RETAIN when Retain Available is 0 fails with a typed error and is not sent', () => {
  const h = new Harness({ protocolVersion: 5 }, { connack: { sessionPresent: false, reasonCode: 0, properties: { maximumQoS: 1, retainAvailable: false } } }).connect();
  const tooHigh = h.session.publish({ topic: 't', payload: text('q2'), qos: 2 }, h.now);
  const retained = h.session.publish({ topic: 't', payload: text('kept'), qos: 0, retain: true }, h.now);
  const fine = h.session.publish({ topic: 't', payload: text('q1'), qos: 1 }, h.now);
  for (const r of [tooHigh, retained, fine]) h.run(r.effects);
  const failures = h.of('requestFailed');
  expect(failures.map((f) => [f.mid, f.error.code, f.error.reasonCode])).toEqual([
    [tooHigh.mid, 'QOS_NOT_SUPPORTED', 0x9b],
    [retained.mid, 'RETAIN_NOT_SUPPORTED', 0x9a],
  ]);
  expect(h.broker.sent('publish').map((p) => p.qos)).toEqual([1]);
});
