// A MqttEngine on a FakeTransport and FakeTimers with a ScriptedBroker: the setup most engine
// tests share (no sockets, no sleeps).
import type { EngineOptions } from '../../src/driver/engine-types.js';
import { MqttEngine } from '../../src/driver/mqtt-engine.js';
import { FakeTimers, FakeTransport } from './fake-transport.js';
import { ScriptedBroker } from './scripted-broker.js';

export function engineSetup(options: Readonly<Partial<EngineOptions>> & { ack?: boolean; connack?: number; version?: 4 | 5 } = {}) {
  const { ack, connack, version, ...engineOptions } = options;
  const broker = new ScriptedBroker(version ?? 4, { ackPublishes: ack ?? true, connack: { sessionPresent: false, reasonCode: connack ?? 0 } });
  const transport = new FakeTransport(broker);
  const timers = new FakeTimers();
  const engine = new MqttEngine({ transports: transport, timers, clientId: 'c', keepalive: 10, protocolVersion: version ?? 4, ...engineOptions });
  return { broker, transport, timers, engine };
}
