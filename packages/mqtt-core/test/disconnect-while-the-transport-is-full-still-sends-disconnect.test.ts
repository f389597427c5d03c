// disconnect() while writes wait for the transport to drain: what is held (the QoS 0 messages
// published before, then the DISCONNECT) is handed to the transport before it is ended, in order,
// so the broker sees a clean DISCONNECT (no will) and the earlier messages complete. [MQTT-3.14.4-3]
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';
import { str } from './helpers/harness.js';

it('held publishes and the DISCONNECT reach the transport, in order, before it is ended', async () => {
  const { engine, transport, broker } = engineSetup();
  await engine.connect();
  transport.blocked = true;
  const first = engine.publish('t', 'a');
  const held = engine.publish('t', 'b');
  expect(held.status).toBe('pending');
  await engine.disconnect();
  await settle();
  expect(broker.sent('publish').map((p) => str(p.payload))).toEqual(['a', 'b']);
  expect(broker.sent('disconnect')).toHaveLength(1);
  expect(transport.closedBy).toEqual(['end']);
  expect([first.status, held.status]).toEqual(['fulfilled', 'fulfilled']);
});
