import { describe, expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';

const str = (b: Uint8Array | string | undefined): string | undefined => (b === undefined || typeof b === 'string' ? b : new TextDecoder().decode(b));

describe('the engine asks its credentials provider before every CONNECT', () => {
  it('each CONNECT carries what the provider answered for it, reconnects included', async () => {
    let n = 0;
    const { engine, transport } = engineSetup({ credentials: async () => ({ username: 'u', password: `token-${++n}` }) });
    await engine.connect();
    await engine.reconnect();
    expect(transport.broker.sent('connect').map((c) => [c.username, str(c.password)])).toEqual([
      ['u', 'token-1'],
      ['u', 'token-2'],
    ]);
  });

  it('a provider that throws: AUTH_ERROR, no transport opened; a non-Error throw is wrapped too', async () => {
    const { engine, transport } = engineSetup({ credentials: () => { throw 'nope'; } });
    await expect(engine.connect()).rejects.toMatchObject({ code: 'AUTH_ERROR' });
    expect(transport.connections).toBe(0);
    expect(engine.state).toBe('idle');
  });

  it('a provider that never answers: the connect timeout ends the attempt', async () => {
    const { engine, timers, transport } = engineSetup({ connectTimeout: 2, credentials: () => new Promise(() => undefined) });
    const pending = engine.connect();
    const outcome = expect(pending).rejects.toMatchObject({ code: 'CONNECT_TIMEOUT' });
    await timers.advance(2_000);
    await outcome;
    expect(transport.connections).toBe(0);
  });
});
