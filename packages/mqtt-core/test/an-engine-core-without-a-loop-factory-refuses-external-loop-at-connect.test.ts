// EngineCore is the engine without the external-loop code (what a browser bundle carries): asked
// for externalLoop without a loop factory, it refuses every connect with INVALID_ARGUMENT, even
// over a transport that can be read on demand, instead of silently reading and writing by itself.
import { describe, expect, it } from 'vitest';
import { EngineCore } from '../src/driver/mqtt-engine.js';
import { FakeTimers, settle } from './helpers/fake-transport.js';
import { OnDemandTransport } from './helpers/on-demand-transport.js';
import { ScriptedBroker } from './helpers/scripted-broker.js';

describe('an EngineCore given no external-loop factory', () => {
  it('refuses connect() with externalLoop, closing the socket it opened', async () => {
    const transport = new OnDemandTransport(new ScriptedBroker(4));
    const engine = new EngineCore({ transports: transport, timers: new FakeTimers(), clientId: 'c', externalLoop: true });
    const sockets: string[] = [];
    engine.on('socketOpen', () => sockets.push('open'));
    await expect(engine.connect()).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('externalLoop') });
    await settle();
    expect(transport.closedBy).toBe('destroy');
    expect(sockets).toEqual([]);
    expect(engine.state).toBe('idle');
    expect([engine.loopRead(), engine.loopWrite(), engine.loopMisc()]).toEqual(['not-supported', 'not-supported', 'not-supported']);
  });
});
