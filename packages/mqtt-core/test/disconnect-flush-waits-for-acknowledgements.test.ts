// Issue 13 item 3: disconnect({ flush: true, timeoutMs }) sends DISCONNECT only once every QoS>0
// message in flight or queued is acknowledged, or the time ran out.
import type { Packet } from '@x/mqtt-codec';
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';

function holdingBroker(maxInflightMessages: number) {
  const setup = engineSetup({ maxInflightMessages });
  const { broker, transport } = setup;
  const held: number[] = [];
  const answer = broker.answer.bind(broker);
  broker.answer = (p: Packet) => {
    if (p.type !== 'publish') return answer(p);
    held.push(p.packetId ?? 0);
    return [];
  };
  const ackHeld = (): void => {
    for (const packetId of held.splice(0)) transport.current?.handlers.onData(broker.encode({ type: 'puback', packetId }));
  };
  const disconnectSent = (): boolean => broker.received.some((p) => p.type === 'disconnect');
  return { ...setup, ackHeld, disconnectSent };
}

it('DISCONNECT follows the PUBACK of the last message in flight or queued', async () => {
  const { engine, ackHeld, disconnectSent } = holdingBroker(2);
  await engine.connect();
  const handles = [1, 2, 3, 4].map((i) => engine.publish('t', `m${i}`, { qos: 1 }));
  const done = engine.disconnect({ flush: true });
  await settle();
  expect(disconnectSent()).toBe(false);
  ackHeld(); // the first two; the window lets the other two out
  await settle();
  expect(disconnectSent()).toBe(false);
  ackHeld();
  await done;
  expect(disconnectSent()).toBe(true);
  expect(handles.map((h) => h.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
});

it('with timeoutMs, DISCONNECT goes out when the time runs out even if nothing was acknowledged', async () => {
  const { engine, timers, disconnectSent } = holdingBroker(20);
  await engine.connect();
  const pending = engine.publish('t', 'never acked', { qos: 1 });
  const done = engine.disconnect({ flush: true, timeoutMs: 5_000 });
  await timers.advance(4_999);
  expect(disconnectSent()).toBe(false);
  await timers.advance(1);
  await done;
  expect(disconnectSent()).toBe(true);
  expect(pending.status).toBe('pending'); // still queued for the next connection, as documented
});
