// External-loop mode: the deadlines the Session asks for are recorded and run only by loopMisc(),
// on the engine's clock; a dead link found there is reported as 'connection-lost'.
import { describe, expect, it } from 'vitest';
import { MqttEngine } from '../src/driver/mqtt-engine.js';
import type { DisconnectInfo } from '../src/driver/engine-types.js';
import { FakeTimers, FakeTransport, settle } from './helpers/fake-transport.js';
import { OnDemandTransport } from './helpers/on-demand-transport.js';
import { ScriptedBroker } from './helpers/scripted-broker.js';

async function connected(options: { answerPings?: boolean; ackPublishes?: boolean } = {}) {
  const transport = new OnDemandTransport(new ScriptedBroker(4, options));
  const timers = new FakeTimers();
  const engine = new MqttEngine({ transports: transport, timers, clientId: 'c', keepalive: 10, retryInterval: 5, autoReconnect: false, externalLoop: true });
  const disconnects: DisconnectInfo[] = [];
  engine.on('disconnect', (d) => disconnects.push(d));
  const connecting = engine.connect();
  await settle();
  engine.loopWrite();
  engine.loopRead();
  await connecting;
  return { transport, timers, engine, disconnects };
}

describe('loopMisc() in external-loop mode', () => {
  it('sends PINGREQ only when called after keepalive seconds, however much time passed', async () => {
    const { transport, timers, engine } = await connected();
    timers.time += 60_000;
    await settle();
    expect(transport.received()).toEqual(['connect']);
    expect(engine.loopMisc()).toBe('ok');
    engine.loopWrite();
    expect(transport.received()).toEqual(['connect', 'pingreq']);
    engine.loopRead();
    expect(engine.nextTimerAt).toBe(timers.time + 10_000);
  });

  it('declares the link dead when the PINGRESP is late, returning connection-lost', async () => {
    const { timers, engine, disconnects, transport } = await connected({ answerPings: false });
    timers.time = 10_000;
    expect(engine.loopMisc()).toBe('ok');
    engine.loopWrite();
    timers.time = 14_999;
    expect(engine.loopMisc()).toBe('ok');
    timers.time = 15_000;
    expect(engine.loopMisc()).toBe('connection-lost');
    expect(transport.closedBy).toBe('destroy');
    expect(disconnects.map((d) => d.error?.code)).toEqual(['KEEPALIVE_TIMEOUT']);
    expect(engine.loopMisc()).toBe('no-connection');
    expect(engine.loopRead()).toBe('no-connection');
    expect(engine.loopWrite()).toBe('no-connection');
  });

  it('resends an unacknowledged QoS 1 message with DUP after the retry interval', async () => {
    const { transport, timers, engine } = await connected({ ackPublishes: false });
    engine.publish('t', 'x', { qos: 1 });
    engine.loopWrite();
    timers.time += 5_000;
    engine.loopMisc();
    engine.loopWrite();
    expect(transport.broker.sent('publish').map((p) => p.dup)).toEqual([false, true]);
  });

  it('fails connect() with CONNECT_TIMEOUT from loopMisc() when no CONNACK comes', async () => {
    const transport = new OnDemandTransport(new ScriptedBroker(4));
    transport.broker.answer = () => [];
    const timers = new FakeTimers();
    const engine = new MqttEngine({ transports: transport, timers, clientId: 'c', connectTimeout: 2, externalLoop: true });
    const connecting = engine.connect();
    const outcome = expect(connecting).rejects.toMatchObject({ code: 'CONNECT_TIMEOUT' });
    await settle();
    engine.loopWrite();
    timers.time = 60_000; // only loopMisc() can fire the deadline
    await settle();
    expect(engine.state).toBe('connecting');
    engine.loopMisc();
    await outcome;
  });
});

describe('the other loop calls', () => {
  it('write the DISCONNECT at disconnect(), so a graceful close never loses it', async () => {
    const { transport, engine } = await connected();
    await engine.disconnect();
    expect(transport.received()).toEqual(['connect', 'disconnect']);
    expect(transport.closedBy).toBe('end');
  });

  it('are not supported by an engine without externalLoop, which reads and writes by itself', async () => {
    const broker = new ScriptedBroker(4);
    const engine = new MqttEngine({ transports: new FakeTransport(broker), timers: new FakeTimers(), clientId: 'c' });
    await engine.connect();
    expect([engine.loopRead(), engine.loopWrite(), engine.loopMisc()]).toEqual(['not-supported', 'not-supported', 'not-supported']);
    expect(engine.nextTimerAt).toBeUndefined();
  });

  it('refuse at connect() a transport that cannot be read on demand, instead of hanging', async () => {
    const transport = new FakeTransport(new ScriptedBroker(4));
    const engine = new MqttEngine({ transports: transport, timers: new FakeTimers(), clientId: 'c', externalLoop: true });
    const sockets: string[] = [];
    engine.on('socketOpen', () => sockets.push('open'));
    engine.on('socketClose', () => sockets.push('close'));
    await expect(engine.connect()).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await settle();
    expect(transport.closedBy).toEqual(['destroy']);
    expect(sockets).toEqual([]);
    expect(engine.state).toBe('idle');
  });

  it('reconnect from loopMisc() after the back-off when autoReconnect is on', async () => {
    const transport = new OnDemandTransport(new ScriptedBroker(4));
    const timers = new FakeTimers();
    const engine = new MqttEngine({ transports: transport, timers, clientId: 'c', reconnectDelay: { minDelay: 1, maxDelay: 1 }, externalLoop: true });
    const connecting = engine.connect();
    await settle();
    engine.loopWrite();
    engine.loopRead();
    await connecting;
    transport.handlers?.onClose(); // the broker went away
    await settle();
    expect(engine.state).toBe('reconnect-wait');
    timers.time += 1_000;
    await settle();
    expect(engine.state).toBe('reconnect-wait');
    expect(engine.loopMisc()).toBe('no-connection');
    await settle();
    expect(engine.state).toBe('connecting');
    engine.loopWrite();
    engine.loopRead();
    await settle();
    expect(engine.state).toBe('connected');
    expect(timers.pending).toBe(0);
  });
});
