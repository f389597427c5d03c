// What the engine refuses at construction, and how a transport failure reaches connect(): a
// transport's own MqttError passes through, anything else is TRANSPORT_ERROR; a settings provider
// with no transport gives NOT_CONNECTED.
import { MqttError } from '@x/mqtt-codec';
import { expect, it } from 'vitest';
import { MqttEngine } from '../src/driver/mqtt-engine.js';
import type { Transport } from '../src/transport.js';
import { engineSetup } from './helpers/engine-setup.js';
import { FakeTransport } from './helpers/fake-transport.js';
import { ScriptedBroker } from './helpers/scripted-broker.js';

it('refuses an engine with no transport and no settings provider', () => {
  expect(() => new MqttEngine({ transports: [] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
});

it('a transport MqttError passes through; another failure becomes TRANSPORT_ERROR; the next transport is tried', async () => {
  const failing: Transport = { name: 'tls', connect: () => Promise.reject(new MqttError('TLS_ERROR', 'bad certificate')) };
  const good = new FakeTransport(new ScriptedBroker(4));
  const engine = new MqttEngine({ transports: [failing, good], clientId: 'c' });
  await expect(engine.connect()).rejects.toMatchObject({ code: 'TLS_ERROR' });
  await expect(engine.connect()).resolves.toMatchObject({ reasonCode: 0 }); // real timers, the second transport
  await engine.disconnect();
  const { engine: plain, transport } = engineSetup();
  transport.failNext = 1;
  await expect(plain.connect()).rejects.toMatchObject({ code: 'TRANSPORT_ERROR' });
});

it('a settings provider without transports gives NOT_CONNECTED; an aborted signal rejects before anything opens', async () => {
  const engine = new MqttEngine({ settings: () => ({}) });
  await expect(engine.connect()).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  expect(engine.state).toBe('idle');
  const { engine: other, transport } = engineSetup();
  await expect(other.connect({ signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'ABORTED' });
  expect(transport.connections).toBe(0);
  expect(other.wantWrite()).toBe(false);
});
