// [MQTT-4.12.1-2]: a broker that refuses the re-authentication sends DISCONNECT (0x87 Not authorized)
// and closes: reauthenticate() rejects with SERVER_DISCONNECT carrying that reason code.
import { MqttError } from '@x/mqtt-codec';
import { expect, it } from 'vitest';
import { reauthSetup } from './helpers/reauth-setup.js';

it('rejects with SERVER_DISCONNECT 0x87', async () => {
  const { engine } = reauthSetup({}, { onReauth: () => [{ type: 'disconnect', reasonCode: 0x87 }] }, { autoReconnect: false });
  await engine.connect();
  await expect(engine.reauthenticate()).rejects.toMatchObject({ code: 'SERVER_DISCONNECT', reasonCode: 0x87 });
  expect(engine.session.reauthenticating).toBe(false);
});

it('rejects with CONNECTION_CLOSED when the client disconnects meanwhile', async () => {
  const { engine } = reauthSetup({}, { onReauth: () => [] });
  await engine.connect();
  const reauth = engine.reauthenticate();
  await engine.disconnect();
  await expect(reauth).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
});

it('rejects with the reset() error', async () => {
  const { engine } = reauthSetup({}, { onReauth: () => [] });
  await engine.connect();
  const reauth = engine.reauthenticate();
  await new Promise((r) => setTimeout(r, 0));
  engine.reset({ transports: [], settings: () => ({}) }, new MqttError('ABORTED', 'reset'));
  await expect(reauth).rejects.toMatchObject({ code: 'ABORTED', message: 'reset' });
});
