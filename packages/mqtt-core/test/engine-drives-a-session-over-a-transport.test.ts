import { describe, expect, it } from 'vitest';
import { MqttEngine } from '../src/driver/mqtt-engine.js';
import type { EngineEvents } from '../src/driver/engine-types.js';
import { MemorySessionStore } from '../src/session/session-store.js';
import { FakeTimers, FakeTransport, settle } from './helpers/fake-transport.js';
import { ScriptedBroker } from './helpers/scripted-broker.js';
import { str } from './helpers/harness.js';

function setup(options: { ack?: boolean; connack?: number; version?: 4 | 5 } = {}) {
  const broker = new ScriptedBroker(options.version ?? 4, { ackPublishes: options.ack ?? true, connack: { sessionPresent: false, reasonCode: options.connack ?? 0 } });
  const transport = new FakeTransport(broker);
  const timers = new FakeTimers();
  const engine = new MqttEngine({ transports: transport, timers, clientId: 'c', keepalive: 10, protocolVersion: options.version ?? 4 });
  const events: { [K in keyof EngineEvents]?: EngineEvents[K][] } = {};
  for (const name of ['connect', 'disconnect', 'message', 'publish', 'subscribe', 'log', 'socketRegisterWrite', 'socketUnregisterWrite'] as const) {
    engine.on(name, (arg) => ((events[name] ??= [] as never[]) as unknown[]).push(arg));
  }
  return { broker, transport, timers, engine, events };
}

describe('MqttEngine', () => {
  it('connects, publishes at every QoS, and resolves done at write / PUBACK / PUBCOMP', async () => {
    const { engine, broker, events } = setup();
    const connack = await engine.connect();
    expect(connack).toEqual({ sessionPresent: false, reasonCode: 0, properties: undefined });
    expect(engine.state).toBe('connected');
    const handles = [0, 1, 2].map((qos) => engine.publish('t', `q${qos}`, { qos: qos as 0 | 1 | 2 }));
    expect(handles.map((h) => h.rc)).toEqual([0, 0, 0]);
    const results = await Promise.all(handles.map((h) => h.done));
    expect(results.map((r) => r.mid)).toEqual(handles.map((h) => h.mid));
    expect(events.publish?.map((p) => p.mid)).toEqual(handles.map((h) => h.mid));
    expect(broker.sent('publish').map((p) => str(p.payload))).toEqual(['q0', 'q1', 'q2']);
  });

  it('rejects connect() with a typed CONNECTION_REFUSED and reports the CONNACK to listeners', async () => {
    const { engine, events } = setup({ connack: 5 });
    await expect(engine.connect()).rejects.toMatchObject({ code: 'CONNECTION_REFUSED', reasonCode: 0x87 });
    expect(events.connect?.[0]?.reasonCode).toBe(5);
    expect(engine.state).toBe('idle');
  });

  it('rejects connect() with ABORTED when the signal fires', async () => {
    const { engine, broker } = setup();
    broker.answer = () => [];
    const controller = new AbortController();
    const pending = engine.connect({ signal: controller.signal });
    await settle();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('rejects connect() with CONNECT_TIMEOUT when no CONNACK comes, on the fake clock', async () => {
    const { engine, broker, timers } = setup();
    broker.answer = () => [];
    const pending = engine.connect();
    const assertion = expect(pending).rejects.toMatchObject({ code: 'CONNECT_TIMEOUT' });
    await timers.advance(30_000);
    await assertion;
  });

  it('queues publishes while disconnected (rc NO_CONNECTION) and sends them after connecting', async () => {
    const { engine, broker } = setup();
    const h = engine.publish('t', 'early', { qos: 1 });
    expect(h.rc).toBe(4);
    await engine.connect();
    await h.done;
    expect(broker.sent('publish').map((p) => str(p.payload))).toEqual(['early']);
  });

  it('reconnects with back-off after a lost connection and redelivers in-flight messages', async () => {
    const { engine, transport, timers, events } = setup({ ack: false });
    await engine.connect();
    const h = engine.publish('t', 'm', { qos: 1 });
    await settle();
    transport.failNext = 1;
    transport.drop();
    await settle();
    expect(engine.state).toBe('reconnect-wait');
    expect(events.disconnect?.[0]?.error?.code).toBe('CONNECTION_CLOSED');
    await timers.advance(1_000); // first retry fails
    expect(transport.connections).toBe(1);
    transport.broker.script.ackPublishes = true;
    await timers.advance(1_999);
    expect(transport.connections).toBe(1);
    await timers.advance(1); // second retry after 2 s
    expect(transport.connections).toBe(2);
    expect(engine.state).toBe('connected');
    await expect(h.done).resolves.toMatchObject({ mid: h.mid });
    // clean session (the default): the unacknowledged message goes again with its packet id and DUP=1, as Paho 1.5 does
    expect(transport.broker.sent('publish').map((p) => [str(p.payload), p.dup])).toEqual([
      ['m', false],
      ['m', true],
    ]);
  });

  it('declares a dead link on keepalive timeout and reconnects', async () => {
    const { engine, transport, timers, events } = setup();
    await engine.connect();
    transport.broker.script.answerPings = false;
    await timers.advance(20_000);
    expect(events.disconnect?.[0]?.error?.code).toBe('KEEPALIVE_TIMEOUT');
    // a dead link is destroyed at once: a graceful end() would wait for a peer that never answers
    expect(transport.closedBy).toEqual(['destroy']);
    transport.broker.script.answerPings = true;
    await timers.advance(1_000);
    expect(transport.connections).toBe(2);
    expect(engine.state).toBe('connected');
  });

  it('stops writing when the transport is full and resumes on drain, with register/unregister events', async () => {
    const { engine, transport, events } = setup();
    await engine.connect();
    transport.blocked = true;
    const first = engine.publish('t', 'a');
    const second = engine.publish('t', 'b');
    await settle();
    expect(engine.wantWrite()).toBe(true);
    expect(events.socketRegisterWrite).toHaveLength(1);
    expect(transport.broker.sent('publish')).toHaveLength(1);
    let secondDone = false;
    void second.done.then(() => (secondDone = true));
    await first.done;
    await settle();
    expect(secondDone).toBe(false);
    transport.blocked = false;
    transport.current?.handlers.onDrain();
    await second.done;
    expect(transport.broker.sent('publish').map((p) => str(p.payload))).toEqual(['a', 'b']);
    expect(events.socketUnregisterWrite).toHaveLength(1);
    expect(engine.wantWrite()).toBe(false);
  });

  it('disconnect() sends DISCONNECT, stops reconnecting, and never logs the password', async () => {
    const broker = new ScriptedBroker(4);
    const transport = new FakeTransport(broker);
    const timers = new FakeTimers();
    const engine = new MqttEngine({ transports: transport, timers, username: 'u', password: 'hunter2' });
    const logs: string[] = [];
    engine.on('log', (l) => logs.push(l.message));
    await engine.connect();
    await engine.disconnect();
    expect(broker.received.map((p) => p.type)).toEqual(['connect', 'disconnect']);
    expect(engine.state).toBe('idle');
    await timers.advance(300_000);
    expect(transport.connections).toBe(1);
    expect(logs.join('\n')).not.toContain('hunter2');
    expect(logs.join('\n')).toContain('u1, p1');
  });

  it('fails over to the next transport when one cannot connect', async () => {
    const broker = new ScriptedBroker(4);
    const down = new FakeTransport(broker);
    down.failNext = 1;
    const up = new FakeTransport(broker);
    const engine = new MqttEngine({ transports: [down, up], timers: new FakeTimers() });
    await expect(engine.connect()).rejects.toMatchObject({ code: 'TRANSPORT_ERROR' });
    await engine.connect();
    expect(up.connections).toBe(1);
  });

  it('applies persist effects to the store and restores from it before connecting', async () => {
    const store = new MemorySessionStore();
    const broker = new ScriptedBroker(4, { ackPublishes: false });
    const engine = new MqttEngine({ transports: new FakeTransport(broker), timers: new FakeTimers(), clientId: 'c', cleanSession: false, store });
    await engine.connect();
    engine.publish('t', 'kept', { qos: 1 });
    await settle();
    expect(store.load()?.outgoing.map((m) => str(m.payload))).toEqual(['kept']);

    const broker2 = new ScriptedBroker(4, { connack: { sessionPresent: true, reasonCode: 0 } });
    const engine2 = new MqttEngine({ transports: new FakeTransport(broker2), timers: new FakeTimers(), clientId: 'c', cleanSession: false, store });
    await engine2.connect();
    await settle();
    expect(broker2.sent('publish').map((p) => [str(p.payload), p.dup])).toEqual([['kept', true]]);
    expect(store.load()).toBeUndefined();
  });

  it('delivers inbound messages and subscribe results to listeners', async () => {
    const { engine, broker, events, transport } = setup();
    await engine.connect();
    const sub = engine.subscribe([{ topicFilter: 'a/#', qos: 1 }]);
    await expect(sub.done).resolves.toMatchObject({ reasonCodes: [1] });
    transport.current?.handlers.onData(broker.encode({ type: 'publish', topic: 'a/b', payload: new TextEncoder().encode('hi'), qos: 0, retain: false, dup: false }));
    expect(events.message?.map((m) => m.topic)).toEqual(['a/b']);
  });
});
