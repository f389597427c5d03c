// reauthenticate({ timeoutMs, signal }) stops waiting with TIMEOUT or ABORTED. The exchange stays
// open in the Session until the broker ends it or the link drops, so a second call meanwhile is
// INVALID_STATE; a late AUTH 0x00 ends it quietly.
import { MqttError } from '@x/mqtt-codec';
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';
import { ok, reauthSetup } from './helpers/reauth-setup.js';

it('rejects with TIMEOUT; the next call waits until the late AUTH 0x00 has ended the first', async () => {
  const { engine, timers, transport, broker } = reauthSetup({}, { onReauth: () => [] });
  await engine.connect();
  const reauth = engine.reauthenticate({ timeoutMs: 1000 });
  await timers.advance(1000);
  await expect(reauth).rejects.toMatchObject({ code: 'TIMEOUT' });
  await expect(engine.reauthenticate()).rejects.toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('in progress') });
  transport.current?.handlers.onData(broker.encode(ok()));
  expect(engine.session.reauthenticating).toBe(false);
  expect(engine.state).toBe('connected');
});

it('rejects with ABORTED when the signal fires, or at once when it already has', async () => {
  const { engine, broker } = reauthSetup({}, { onReauth: () => [] });
  await engine.connect();
  const controller = new AbortController();
  const reauth = engine.reauthenticate({ signal: controller.signal });
  controller.abort();
  await expect(reauth).rejects.toMatchObject({ code: 'ABORTED' });
  const fresh = reauthSetup({}, { onReauth: () => [] });
  await fresh.engine.connect();
  await expect(fresh.engine.reauthenticate({ signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'ABORTED' });
  await new Promise((r) => setTimeout(r, 0));
  expect(fresh.auths()).toEqual([]);
  expect(broker.sent('auth')).toHaveLength(1);
});

it('refuses without an authenticator, when not connected, and reports a failing start() as AUTH_ERROR', async () => {
  const none = engineSetup({ version: 5 });
  await none.engine.connect();
  await expect(none.engine.reauthenticate()).rejects.toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('no authenticator') });
  const bare = reauthSetup();
  await expect(bare.engine.reauthenticate()).rejects.toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('connection') });
  const failing = reauthSetup({ start: () => { throw new Error('no nonce'); } });
  await expect(failing.engine.connect()).rejects.toMatchObject({ code: 'AUTH_ERROR', message: expect.stringContaining('no nonce') });
  const typed = reauthSetup({ start: () => Promise.reject(new MqttError('ABORTED', 'typed')) });
  await expect(typed.engine.connect()).rejects.toMatchObject({ code: 'ABORTED', message: 'typed' });
  let fail = false;
  const later = reauthSetup({ start: () => { if (fail) throw new Error('later'); return undefined; } });
  await later.engine.connect();
  fail = true;
  await expect(later.engine.reauthenticate()).rejects.toMatchObject({ code: 'AUTH_ERROR' });
  expect(later.engine.state).toBe('connected');
});

it('rejects with CONNECTION_CLOSED when the link drops while start() runs', async () => {
  let release: (() => void) | undefined;
  let connected = false;
  const { engine, transport, auths } = reauthSetup({ start: () => (connected ? new Promise((r) => (release = () => r(undefined))) : undefined) }, {}, { autoReconnect: false });
  await engine.connect();
  connected = true;
  const reauth = engine.reauthenticate({ timeoutMs: 5000 });
  transport.drop();
  await new Promise((r) => setTimeout(r, 0));
  release?.();
  await expect(reauth).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
  expect(auths()).toEqual([]);
});
