import { expect, it } from 'vitest';
import { MqttEngine } from '../src/driver/mqtt-engine.js';
import { MemorySessionStore, type SessionStore, type StoreOperation } from '../src/session/session-store.js';
import { FakeTransport, FakeTimers, settle } from './helpers/fake-transport.js';
import { ScriptedBroker } from './helpers/scripted-broker.js';

/** A store whose writes complete only when the test says so. */
class SlowStore implements SessionStore {
  readonly inner = new MemorySessionStore();
  readonly waiting: Array<() => void> = [];
  fail = false;
  load() {
    return undefined;
  }
  apply(operation: StoreOperation): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push(() => {
        if (this.fail) return reject(new Error('disk full'));
        this.inner.apply(operation);
        resolve();
      });
    });
  }
}

function engine(store?: SessionStore) {
  const transport = new FakeTransport(new ScriptedBroker(4, { ackPublishes: false }));
  return new MqttEngine({ transports: transport, timers: new FakeTimers(), clientId: 'c', cleanSession: false, store });
}

it('stored resolves once the store applied the message, not before', async () => {
  const store = new SlowStore();
  const handle = engine(store).publish('t', 'm', { qos: 1 });
  let stored = false;
  void handle.stored.then(() => (stored = true));
  await settle();
  expect(stored).toBe(false);
  store.waiting.shift()?.();
  await settle();
  expect(stored).toBe(true);
  expect(store.inner.load()?.outgoing.map((m) => m.mid)).toEqual([handle.mid]);
});

it('stored rejects with SESSION_STORE_ERROR when the store fails, and resolves at once without a store or at QoS 0', async () => {
  const store = new SlowStore();
  store.fail = true;
  const handle = engine(store).publish('t', 'm', { qos: 2 });
  store.waiting.shift()?.();
  await expect(handle.stored).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
  await expect(engine().publish('t', 'm', { qos: 1 }).stored).resolves.toBeUndefined();
  await expect(engine(new SlowStore()).publish('t', 'm', { qos: 0 }).stored).resolves.toBeUndefined();
});
