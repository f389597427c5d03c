import { describe, expect, it } from 'vitest';
import { PublishRc } from '../src/session/effects.js';
import { Harness, text } from './helpers/harness.js';
import { FakeTimers, FakeTransport } from './helpers/fake-transport.js';
import { ScriptedBroker } from './helpers/scripted-broker.js';
import { MqttEngine } from '../src/driver/mqtt-engine.js';

describe('maxQueuedMessages', () => {
  it('answers QUEUE_FULL instead of growing, counting in-flight and queued messages as Paho does', () => {
    const h = new Harness({ maxQueuedMessages: 2 });
    const rcs = [1, 2, 3].map((i) => {
      const r = h.session.publish({ topic: 't', payload: text(`${i}`), qos: 1 }, h.now);
      h.run(r.effects);
      return r.rc;
    });
    expect(rcs).toEqual([PublishRc.NO_CONNECTION, PublishRc.NO_CONNECTION, PublishRc.QUEUE_FULL]);
    expect(h.session.queuedCount).toBe(2);
    h.connect();
    expect(h.broker.sent('publish')).toHaveLength(2);
    expect(h.session.publish({ topic: 't', payload: text('4'), qos: 1 }, h.now).rc).toBe(PublishRc.SUCCESS);
  });

  it('is unlimited by default', () => {
    const h = new Harness();
    for (let i = 0; i < 1000; i++) expect(h.session.publish({ topic: 't', payload: text('x'), qos: 1 }, 0).rc).toBe(PublishRc.NO_CONNECTION);
    expect(h.session.queuedCount).toBe(1000);
  });
});

// Found by apps/faults (slow consumer and offline queue): with the broker no longer reading, QoS 0
// publishes went on piling up in the engine's write buffer (429 MiB for 20,000 x 10 KiB) with
// rc SUCCESS, because only in-flight and queued QoS>0 messages counted toward maxQueuedMessages.
describe('maxQueuedMessages with a blocked transport', () => {
  it('counts QoS 0 messages waiting for the transport to drain, as Paho counts them until written', async () => {
    const broker = new ScriptedBroker(4);
    const transport = new FakeTransport(broker);
    const engine = new MqttEngine({ transports: transport, timers: new FakeTimers(), clientId: 'c', maxQueuedMessages: 3 });
    await engine.connect();
    transport.blocked = true;
    const rcs = [1, 2, 3, 4, 5, 6].map((i) => engine.publish('t', `${i}`).rc);
    // the first write is accepted by the transport (and reports "full"); three wait; then refused
    expect(rcs).toEqual([PublishRc.SUCCESS, PublishRc.SUCCESS, PublishRc.SUCCESS, PublishRc.SUCCESS, PublishRc.QUEUE_FULL, PublishRc.QUEUE_FULL]);
    transport.blocked = false;
    transport.current?.handlers.onDrain();
    expect(engine.publish('t', '7').rc).toBe(PublishRc.SUCCESS);
    expect(broker.sent('publish').map((p) => new TextDecoder().decode(p.payload))).toEqual(['1', '2', '3', '4', '7']);
  });

  it('forgets the backlog with the connection', async () => {
    const broker = new ScriptedBroker(4);
    const transport = new FakeTransport(broker);
    const engine = new MqttEngine({ transports: transport, timers: new FakeTimers(), clientId: 'c', maxQueuedMessages: 2, autoReconnect: false });
    await engine.connect();
    transport.blocked = true;
    for (let i = 0; i < 4; i++) engine.publish('t', 'x');
    transport.current?.handlers.onClose();
    transport.blocked = false;
    await engine.connect();
    expect(engine.publish('t', 'y').rc).toBe(PublishRc.SUCCESS);
  });
});
