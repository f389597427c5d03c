import { MqttEngine } from '../src/driver/mqtt-engine.js';
import { FakeTimers } from './helpers/fake-transport.js';
import { describe, expect, it } from 'vitest';
import { Harness, text } from './helpers/harness.js';
import { engineSetup } from './helpers/engine-setup.js';

describe('Session.stats(): the connection as negotiated and the state held now', () => {
  it('disconnected: no keepalive, no idle time, the default limits', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' });
    expect(h.session.stats(h.now)).toEqual({
      state: 'disconnected',
      keepalive: undefined,
      serverLimits: { receiveMaximum: 65535, maximumPacketSize: Number.POSITIVE_INFINITY, topicAliasMaximum: 0, maximumQoS: 2, retainAvailable: true },
      inflightOut: 0,
      queuedOut: 0,
      pendingIn: 0,
      pingRoundTripMs: undefined,
      idleMs: undefined,
    });
  });

  it('connected: the CONNACK limits, Server Keep Alive, counts both ways, the ping round trip and idle time', () => {
    const connack = { sessionPresent: false, reasonCode: 0, properties: { receiveMaximum: 3, maximumPacketSize: 1000, topicAliasMaximum: 4, maximumQoS: 1 as const, retainAvailable: false, serverKeepAlive: 20 } };
    const h = new Harness({ protocolVersion: 5, clientId: 'c', keepalive: 60, maxInflightMessages: 0 }, { connack, ackPublishes: false, answerPings: false }).connect();
    for (let i = 0; i < 5; i++) h.run(h.session.publish({ topic: 't', payload: text(String(i)), qos: 1 }, h.now).effects);
    h.brokerSends({ type: 'publish', topic: 'in', payload: text('x'), qos: 2, retain: false, dup: false, packetId: 7 });
    h.advance(20_000); // the PINGREQ goes out after 20 s of silence
    h.now += 150;
    h.brokerSends({ type: 'pingresp' });
    h.now += 1_000;
    const stats = h.session.stats(h.now);
    expect(stats).toMatchObject({
      state: 'connected',
      keepalive: 20,
      serverLimits: { receiveMaximum: 3, maximumPacketSize: 1000, topicAliasMaximum: 4, maximumQoS: 1, retainAvailable: false },
      inflightOut: 3,
      queuedOut: 2,
      pendingIn: 1,
      pingRoundTripMs: 150,
      idleMs: 1_000,
    });
  });
});

describe('MqttEngine.stats(): the Session\'s view plus what crossed the wire', () => {
  it('counts packets, bytes and messages both ways, and reconnects', async () => {
    const { engine, transport } = engineSetup();
    expect(engine.stats()).toMatchObject({ engineState: 'idle', transport: 'fake', transportIndex: 0, packetsSent: 0, bytesSent: 0, bytesReceived: 0, reconnects: 0 });
    await engine.connect();
    engine.subscribe({ topicFilter: 'a', qos: 0 });
    await engine.publish('a', 'hello', { qos: 1 }).done;
    transport.current?.handlers.onData(transport.broker.encode({ type: 'publish', topic: 'a', payload: text('in'), qos: 0, retain: false, dup: false }));
    await engine.reconnect();
    const stats = engine.stats();
    expect(stats.messagesReceived).toBe(1);
    expect(stats.engineState).toBe('connected');
    expect(stats.messagesSent).toBe(1);
    expect(stats.packetsSent).toBeGreaterThanOrEqual(4); // CONNECT, SUBSCRIBE, PUBLISH, DISCONNECT/CONNECT again
    expect(stats.bytesSent).toBeGreaterThan(20);
    expect(stats.bytesReceived).toBeGreaterThanOrEqual(4 + 5 + 4); // CONNACK, SUBACK, PUBACK at least
    expect(stats.reconnects).toBe(1);
  });
});

describe('MqttEngine.stats() before any transport is known', () => {
  it('an engine whose transports come from a settings provider reports none until it connects', () => {
    const engine = new MqttEngine({ settings: () => ({}), timers: new FakeTimers(), clientId: 'c' });
    expect(engine.stats()).toMatchObject({ transport: undefined, transportIndex: 0, engineState: 'idle' });
  });

  it('with a list of transports, the one in use is named', async () => {
    const { engine, transport } = engineSetup();
    const listed = new MqttEngine({ transports: [transport], timers: new FakeTimers(), clientId: 'c2' });
    expect(listed.stats().transport).toBe('fake');
    expect(engine.stats().transport).toBe('fake');
  });
});
