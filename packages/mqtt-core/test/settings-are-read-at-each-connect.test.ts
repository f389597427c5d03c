// Issue 13 item 6 / issue 10 item 3: one engine for a client's life reads its settings provider
// before every CONNECT, automatic reconnects included; nothing is rebuilt.
import type { ConnectPacket } from '@x/mqtt-codec';
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';

it('a username and will changed after connect reach the CONNECT of the next (automatic) reconnect', async () => {
  let username = 'first';
  let will: { topic: string; payload: Uint8Array; qos: 0; retain: boolean } | undefined;
  const { engine, broker, transport, timers } = engineSetup({ settings: () => ({ username, will }) });
  await engine.connect();
  username = 'second';
  will = { topic: 'w', payload: new Uint8Array([1]), qos: 0, retain: false };
  transport.drop();
  await settle();
  await timers.advance(1_000);
  expect(engine.state).toBe('connected');
  const connects = broker.received.filter((p): p is ConnectPacket => p.type === 'connect');
  expect(connects.map((c) => c.username)).toEqual(['first', 'second']);
  expect(connects[1]?.will?.topic).toBe('w');
});

it('queued messages and their handles survive a settings change: the same session sends them', async () => {
  let clientId = 'a';
  const { engine, broker } = engineSetup({ settings: () => ({ clientId }) });
  const early = engine.publish('t', 'x', { qos: 0 });
  clientId = 'b';
  await engine.connect();
  await expect(early.done).resolves.toMatchObject({ mid: early.mid });
  expect(broker.received.find((p): p is ConnectPacket => p.type === 'connect')?.clientId).toBe('b');
});
