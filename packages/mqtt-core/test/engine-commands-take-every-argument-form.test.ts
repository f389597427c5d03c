// The engine's commands in each argument form: bytes or text payloads with or without v5
// properties, one filter or a list, a v5 DISCONNECT reason code, and the state guards
// (connect() while connected, disconnect() while idle, reconnect() from idle, reset() while connected).
import { MqttError, type DisconnectPacket, type PublishPacket } from '@x/mqtt-codec';
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';
import { str } from './helpers/harness.js';

it('publishes text and bytes, with and without properties; unsubscribes a list; disconnects with a reason code', async () => {
  const { engine, broker } = engineSetup({ version: 5 });
  const subscribes: number[] = [];
  engine.on('unsubscribe', (u) => subscribes.push(u.mid));
  await engine.connect();
  await engine.publish('t', 'text', { qos: 1, retain: true, properties: { contentType: 'text/plain' } });
  await engine.publish('t', new Uint8Array([0x62]), { properties: { userProperties: [['k', 'v']] } });
  await engine.publish('t', new Uint8Array([0x63]));
  const published = broker.received.filter((p): p is PublishPacket => p.type === 'publish');
  expect(published.map((p) => str(p.payload))).toEqual(['text', 'b', 'c']);
  expect(published[0]?.properties?.contentType).toBe('text/plain');
  expect(published[0]?.retain).toBe(true);
  await engine.subscribe([{ topicFilter: 'a', qos: 0 }, { topicFilter: 'b', qos: 1 }]);
  const unsub = engine.unsubscribe(['a', 'b']);
  await unsub;
  expect(subscribes).toEqual([unsub.mid]);
  await engine.disconnect({ reasonCode: 0x04, properties: { reasonString: 'bye' } });
  const disconnect = broker.received.find((p): p is DisconnectPacket => p.type === 'disconnect');
  expect(disconnect?.reasonCode).toBe(0x04);
});

it('guards: connect() while connected rejects INVALID_STATE; disconnect() while idle is a no-op; reconnect() from idle connects', async () => {
  const { engine, transport } = engineSetup();
  await engine.disconnect();
  expect(engine.state).toBe('idle');
  await engine.reconnect();
  expect(engine.state).toBe('connected');
  await expect(engine.connect()).rejects.toMatchObject({ code: 'INVALID_STATE' });
  engine.reset({ transports: transport, clientId: 'c' }, new MqttError('ABORTED', 'reset'));
  await settle();
  expect(engine.state).toBe('idle');
  expect(transport.open).toBe(0);
});

it('connect() during reconnect-wait cancels the timer and connects at once', async () => {
  const { engine, transport, timers } = engineSetup();
  await engine.connect();
  transport.drop();
  await settle();
  expect(engine.state).toBe('reconnect-wait');
  const pendingTimers = timers.pending;
  await engine.connect();
  expect(engine.state).toBe('connected');
  expect(timers.pending).toBeLessThan(pendingTimers + 1);
  await timers.advance(5_000);
  expect(transport.connections).toBe(2); // the cancelled reconnect never ran
});
