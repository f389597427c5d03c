import { MqttError } from '@x/mqtt-codec';
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

describe('what a credentials provider may throw', () => {
  it('an MqttError passes through as it is; an Error becomes AUTH_ERROR with its message', async () => {
    const typed = engineSetup({ credentials: () => Promise.reject(new MqttError('NOT_CONNECTED', 'token service offline')) });
    await expect(typed.engine.connect()).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    const plain = engineSetup({ credentials: () => Promise.reject(new Error('vault sealed')) });
    await expect(plain.engine.connect()).rejects.toMatchObject({ code: 'AUTH_ERROR', message: expect.stringContaining('vault sealed') });
  });

  it("the caller's signal aborts a connect waiting on the provider: ABORTED, no transport opened", async () => {
    const { engine, transport } = engineSetup({ credentials: () => new Promise(() => undefined) });
    const controller = new AbortController();
    const pending = engine.connect({ signal: controller.signal });
    const outcome = expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    await Promise.resolve();
    controller.abort();
    await outcome;
    expect(transport.connections).toBe(0);
  });
});
