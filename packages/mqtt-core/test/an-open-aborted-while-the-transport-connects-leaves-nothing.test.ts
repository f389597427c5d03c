// A connection attempt aborted while the transport is still opening: if the transport then
// succeeds anyway, the engine closes that connection at once and connect() rejects ABORTED; if
// the transport then fails, connect() still reports ABORTED, not the transport's error.
import { MqttError } from '@x/mqtt-codec';
import { expect, it } from 'vitest';
import { MqttEngine } from '../src/driver/mqtt-engine.js';
import type { Transport, TransportConnection } from '../src/transport.js';
import { FakeTimers, settle } from './helpers/fake-transport.js';

function slowTransport(outcome: 'open' | 'fail'): { transport: Transport; release: () => void; destroyed: () => number } {
  let release!: () => void;
  let destroyed = 0;
  const transport: Transport = {
    name: 'slow',
    connect: () => new Promise<TransportConnection>((resolve, reject) => {
      release = () => {
        if (outcome === 'fail') reject(new MqttError('TRANSPORT_ERROR', 'refused'));
        else resolve({ write: () => true, end: () => undefined, destroy: () => void destroyed++ });
      };
    }),
  };
  return { transport, release: () => release(), destroyed: () => destroyed };
}

it('a transport that opens after the abort is destroyed at once', async () => {
  const slow = slowTransport('open');
  const engine = new MqttEngine({ transports: slow.transport, timers: new FakeTimers(), clientId: 'c' });
  const controller = new AbortController();
  const pending = engine.connect({ signal: controller.signal });
  const outcome = pending.catch((e: MqttError) => e.code);
  await settle();
  controller.abort();
  slow.release();
  expect(await outcome).toBe('ABORTED');
  expect(slow.destroyed()).toBe(1);
  expect(engine.state).toBe('idle');
});

it('a transport that fails after the abort still reports ABORTED', async () => {
  const slow = slowTransport('fail');
  const engine = new MqttEngine({ transports: slow.transport, timers: new FakeTimers(), clientId: 'c' });
  const pending = engine.connect();
  const outcome = pending.catch((e: MqttError) => e.code);
  await settle();
  const closing = engine.disconnect();
  slow.release();
  await closing;
  expect(await outcome).toBe('ABORTED');
});
