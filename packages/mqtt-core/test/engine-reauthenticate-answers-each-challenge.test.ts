// A re-authentication the broker continues with AUTH 0x18 goes through the same authenticator's
// challenge() as CONNECT's exchange, step after step [MQTT-4.12.0-3], until AUTH 0x00.
import { expect, it } from 'vitest';
import { ok, reauthSetup } from './helpers/reauth-setup.js';
import { str, text } from './helpers/harness.js';
import type { AuthPacket } from '@x/mqtt-codec';

const challenge = (data: string): AuthPacket => ({ type: 'auth', reasonCode: 0x18, properties: { authenticationMethod: 'M', authenticationData: text(data) } });

it('answers two challenges, then resolves', async () => {
  const seen: string[] = [];
  let step = 0;
  const { engine, auths } = reauthSetup(
    { challenge: async (data) => (seen.push(str(data ?? new Uint8Array())), text(`answer ${seen.length}`)) },
    { onReauth: () => [challenge('c1')], onContinue: () => (++step === 1 ? [challenge('c2')] : [ok('done')]) },
  );
  await engine.connect();
  const result = await engine.reauthenticate();
  expect(seen).toEqual(['c1', 'c2']);
  expect(auths().map((a) => [a.reasonCode, str(a.properties?.authenticationData ?? new Uint8Array())])).toEqual([[0x19, ''], [0x18, 'answer 1'], [0x18, 'answer 2']]);
  expect(str(result.properties?.authenticationData ?? new Uint8Array())).toBe('done');
});

it('a challenge() that fails rejects with AUTH_ERROR and closes the connection', async () => {
  const { engine, transport } = reauthSetup({ challenge: () => { throw new Error('cannot'); } }, { onReauth: () => [challenge('c1')] }, { autoReconnect: false });
  await engine.connect();
  await expect(engine.reauthenticate()).rejects.toMatchObject({ code: 'AUTH_ERROR', message: expect.stringContaining('cannot') });
  expect(transport.closedBy).toEqual(['destroy']);
  expect(engine.state).toBe('idle');
});

it('an answer computed after the link dropped goes nowhere', async () => {
  let release: (() => void) | undefined;
  const { engine, transport, auths } = reauthSetup(
    { challenge: () => new Promise((resolve) => (release = () => resolve(text('late')))) },
    { onReauth: () => [challenge('c1')] },
    { autoReconnect: false },
  );
  await engine.connect();
  const reauth = engine.reauthenticate();
  await new Promise((r) => setTimeout(r, 0));
  transport.drop();
  await expect(reauth).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
  release?.();
  await new Promise((r) => setTimeout(r, 0));
  expect(auths().map((a) => a.reasonCode)).toEqual([0x19]);
});
