// What the engine does with session effects that only inform: `released` to a listener (when one
// is there), `warning` to the log, and the listener bookkeeping around them.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../src/driver/engine-types.js';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';
import { text } from './helpers/harness.js';

const qos2 = { type: 'publish', topic: 't', payload: text('x'), qos: 2, retain: false, dup: false, packetId: 4 } as const;

describe('the engine passes on what the session reports', () => {
  it('an inbound QoS 2 exchange completed by PUBREL is a `released` event for a listener; without one the exchange completes all the same', async () => {
    const { engine, broker, transport } = engineSetup();
    await engine.connect();
    const released: number[] = [];
    const listener = (e: { packetId: number }) => released.push(e.packetId);
    engine.on('released', listener);
    transport.current?.handlers.onData(broker.encode(qos2));
    transport.current?.handlers.onData(broker.encode({ type: 'pubrel', packetId: 4 }));
    await settle();
    expect(released).toEqual([4]);
    engine.off('released', listener);
    transport.current?.handlers.onData(broker.encode({ ...qos2, packetId: 5 }));
    transport.current?.handlers.onData(broker.encode({ type: 'pubrel', packetId: 5 }));
    await settle();
    expect(released).toEqual([4]);
    expect(broker.received.filter((p) => p.type === 'pubcomp').map((p) => p.type === 'pubcomp' && p.packetId)).toEqual([4, 5]);
  });

  it('a warning (an ack for a packet id not in flight) is logged at level warning, and the connection stays up', async () => {
    const { engine, broker, transport } = engineSetup();
    const logs: LogEntry[] = [];
    engine.on('log', (entry) => logs.push(entry));
    await engine.connect();
    transport.current?.handlers.onData(broker.encode({ type: 'puback', packetId: 77 }));
    await settle();
    expect(logs.filter((l) => l.level === 'warning').map((l) => l.message)).toEqual([expect.stringContaining('UNKNOWN_PACKET_ID')]);
    expect(engine.state).toBe('connected');
  });

  it('exposes the connection in use while connected, and none after disconnect', async () => {
    const { engine, transport } = engineSetup();
    expect(engine.connection).toBeUndefined();
    await engine.connect();
    expect(engine.connection).toBe(transport.current?.connection);
    await engine.disconnect();
    expect(engine.connection).toBeUndefined();
  });

  it('a throwing listener is logged as an error and does not stop the others', async () => {
    const { engine } = engineSetup();
    const logs: LogEntry[] = [];
    engine.on('log', (entry) => logs.push(entry));
    engine.on('connect', () => {
      throw new Error('listener bug');
    });
    let seen = false;
    engine.on('connect', () => {
      seen = true;
    });
    await engine.connect();
    expect(seen).toBe(true);
    expect(logs.filter((l) => l.level === 'error').map((l) => l.message)).toEqual([expect.stringContaining('listener bug')]);
  });
});
