// External-loop mode: the engine arms no timer on its clock, writes nothing until loopWrite() and
// processes nothing until loopRead(), so a whole connect and QoS 2 exchange moves only by those calls.
import { describe, expect, it } from 'vitest';
import { MqttEngine } from '../src/driver/mqtt-engine.js';
import type { EngineEvents } from '../src/driver/engine-types.js';
import { FakeTimers, settle } from './helpers/fake-transport.js';
import { OnDemandTransport } from './helpers/on-demand-transport.js';
import { ScriptedBroker } from './helpers/scripted-broker.js';

function setup() {
  const transport = new OnDemandTransport(new ScriptedBroker(4));
  const timers = new FakeTimers();
  const engine = new MqttEngine({ transports: transport, timers, clientId: 'c', keepalive: 10, externalLoop: true });
  const events: Array<keyof EngineEvents> = [];
  for (const name of ['connect', 'publish', 'socketOpen', 'socketRegisterWrite', 'socketUnregisterWrite'] as const) engine.on(name, () => events.push(name));
  return { transport, timers, engine, events };
}

describe('an engine in external-loop mode', () => {
  it('holds CONNECT until loopWrite() and takes the CONNACK only at loopRead(), arming no timer', async () => {
    const { transport, timers, engine, events } = setup();
    let connected = false;
    const connecting = engine.connect().then(() => (connected = true));
    await settle();
    expect(transport.flow).toEqual(['pause']);
    expect(transport.writes).toHaveLength(0);
    expect(engine.wantWrite()).toBe(true);
    expect(events).toEqual(['socketOpen', 'socketRegisterWrite']);
    expect(timers.pending).toBe(0);
    expect(engine.nextTimerAt).toBe(30_000);

    expect(engine.loopWrite()).toBe('ok');
    expect(transport.received()).toEqual(['connect']);
    expect(engine.wantWrite()).toBe(false);
    expect(events.at(-1)).toBe('socketUnregisterWrite');
    await settle();
    expect(connected).toBe(false);

    expect(engine.loopRead()).toBe('ok');
    await connecting;
    expect(engine.state).toBe('connected');
    expect(timers.pending).toBe(0);
  });

  it('moves a QoS 2 publish through PUBREC, PUBREL and PUBCOMP one loop call at a time', async () => {
    const { transport, engine } = setup();
    const connecting = engine.connect();
    await settle();
    engine.loopWrite();
    engine.loopRead();
    await connecting;

    const handle = engine.publish('t', 'x', { qos: 2 });
    expect(transport.received()).toEqual(['connect']);
    engine.loopWrite();
    expect(transport.received()).toEqual(['connect', 'publish']);
    engine.loopRead(); // PUBREC: the PUBREL it causes waits for loopWrite()
    expect(transport.received()).toEqual(['connect', 'publish']);
    expect(engine.wantWrite()).toBe(true);
    engine.loopWrite();
    expect(transport.received()).toEqual(['connect', 'publish', 'pubrel']);
    await settle();
    expect(handle.status).toBe('pending');
    engine.loopRead(); // PUBCOMP
    await expect(handle.done).resolves.toMatchObject({ mid: handle.mid, reasonCode: 0 });
  });

  it('completes a QoS 0 publish when loopWrite() writes it, not when it is queued', async () => {
    const { engine, events } = setup();
    const connecting = engine.connect();
    await settle();
    engine.loopWrite();
    engine.loopRead();
    await connecting;
    const handle = engine.publish('t', 'x');
    await settle();
    expect(handle.status).toBe('pending');
    expect(engine.loopWrite()).toBe('ok');
    await settle();
    expect(handle.status).toBe('fulfilled');
    expect(events.filter((e) => e === 'publish')).toHaveLength(1);
  });

  it('writes at once when a socketRegisterWrite listener calls loopWrite() inside the event', async () => {
    const { transport, engine } = setup();
    engine.on('socketRegisterWrite', () => engine.loopWrite());
    const connecting = engine.connect();
    await settle();
    expect(transport.received()).toEqual(['connect']);
    expect(engine.wantWrite()).toBe(false);
    engine.loopRead();
    await connecting;
    const handle = engine.publish('t', 'x', { qos: 1 });
    expect(transport.received()).toEqual(['connect', 'publish']);
    engine.loopRead();
    await expect(handle.done).resolves.toMatchObject({ mid: handle.mid });
  });

  it('keeps what a full socket did not take for the next loopWrite(), in order', async () => {
    const { transport, engine } = setup();
    const connecting = engine.connect();
    await settle();
    engine.loopWrite();
    engine.loopRead();
    await connecting;
    transport.full = true;
    engine.publish('t', 'a', { qos: 1 });
    engine.publish('t', 'b', { qos: 1 });
    engine.loopWrite();
    expect(transport.broker.sent('publish').map((p) => new TextDecoder().decode(p.payload))).toEqual(['a']);
    expect(engine.wantWrite()).toBe(true);
    transport.full = false;
    transport.handlers?.onDrain(); // a drain event writes nothing by itself in this mode
    expect(transport.broker.sent('publish')).toHaveLength(1);
    engine.loopWrite();
    expect(transport.broker.sent('publish').map((p) => new TextDecoder().decode(p.payload))).toEqual(['a', 'b']);
    expect(engine.wantWrite()).toBe(false);
  });
});
