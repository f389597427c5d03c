// Write back-pressure across several drains: when the transport fills again during a drain, the
// rest stays held (in order, with the QoS 0 completions behind it) until the next drain.
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';
import { str } from './helpers/harness.js';

it('holds, drains partly, drains the rest, and completes each QoS 0 publish after its own write', async () => {
  const { engine, transport, broker } = engineSetup();
  await engine.connect();
  transport.blocked = true;
  const handles = ['a', 'b', 'c'].map((p) => engine.publish('t', p));
  await settle();
  expect(broker.sent('publish').map((p) => str(p.payload))).toEqual(['a']);
  transport.current?.handlers.onDrain(); // still full: 'b' is written, 'c' stays held
  await settle();
  expect(broker.sent('publish').map((p) => str(p.payload))).toEqual(['a', 'b']);
  expect(handles.map((h) => h.status)).toEqual(['fulfilled', 'fulfilled', 'pending']);
  expect(engine.wantWrite()).toBe(true);
  transport.blocked = false;
  transport.current?.handlers.onDrain();
  await handles[2];
  expect(broker.sent('publish').map((p) => str(p.payload))).toEqual(['a', 'b', 'c']);
  expect(engine.wantWrite()).toBe(false);
});
