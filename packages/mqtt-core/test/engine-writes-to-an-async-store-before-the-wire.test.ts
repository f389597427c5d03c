import type { Packet } from '@x/mqtt-codec';
import { describe, expect, it } from 'vitest';
import { MqttError } from '@x/mqtt-codec';
import type { StoreOperation } from '../src/session/session-store.js';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';
import { ScriptedBroker } from './helpers/scripted-broker.js';
import { str } from './helpers/harness.js';

describe('the engine and a store that writes asynchronously', () => {
  it('two messages published back to back: each PUBLISH leaves only after its own putOutgoing records are written, in order', async () => {
    const written: string[] = [];
    const store = {
      load: () => undefined,
      apply: async (op: StoreOperation): Promise<void> => {
        await Promise.resolve();
        written.push(op.op === 'putOutgoing' ? `${str(op.message.payload)} ${op.message.state}` : op.op);
      },
    };
    const { engine, broker } = engineSetup({ store });
    const seenAtPublish: string[][] = [];
    broker.answer = (p: Packet) => {
      if (p.type === 'publish') seenAtPublish.push([str(p.payload), ...written]);
      return ScriptedBroker.prototype.answer.call(broker, p);
    };
    await engine.connect();
    const a = engine.publish('t', 'a', { qos: 1 });
    const b = engine.publish('t', 'b', { qos: 1 });
    await settle();
    await Promise.all([a.done, b.done]);
    expect(seenAtPublish).toEqual([
      ['a', 'a queued', 'a wait-puback'],
      ['b', 'a queued', 'a wait-puback', 'b queued', 'b wait-puback'],
    ]);
  });

  it('reset() while idle rejects the queued requests with the given error and starts from a fresh session', async () => {
    const { engine, transport, timers } = engineSetup();
    const queued = engine.publish('t', 'x', { qos: 1 });
    const error = new MqttError('ABORTED', 'reinitialised');
    engine.reset({ transports: transport, timers, clientId: 'c2' }, error);
    await expect(queued.done).rejects.toBe(error);
    expect(engine.session.queuedCount).toBe(0);
    expect(engine.state).toBe('idle');
    expect(engine.session.options.clientId).toBe('c2');
  });
});
