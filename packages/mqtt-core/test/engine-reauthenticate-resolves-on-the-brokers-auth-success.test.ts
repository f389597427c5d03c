// reauthenticate() sends AUTH 0x19 (method, first data) and resolves with the broker's AUTH 0x00
// and its properties [MQTT-4.12.1-1]; messages keep flowing meanwhile (4.12.1).
import { expect, it } from 'vitest';
import { ok, reauthSetup } from './helpers/reauth-setup.js';
import { str, text } from './helpers/harness.js';

it('resolves with AUTH 0x00 and its properties', async () => {
  const { engine, auths } = reauthSetup({ initialData: text('initial') });
  await engine.connect();
  const result = await engine.reauthenticate({ data: text('again') });
  expect(result).toEqual({ reasonCode: 0x00, properties: ok().properties });
  expect(auths()).toEqual([{ type: 'auth', reasonCode: 0x19, properties: { authenticationData: text('again'), authenticationMethod: 'M' } }]);
  await engine.reauthenticate();
  expect(str(auths()[1]?.properties?.authenticationData ?? new Uint8Array())).toBe('initial');
  expect(engine.state).toBe('connected');
});

it('takes its first data from start() when the authenticator has one, at CONNECT and at each re-authentication', async () => {
  let n = 0;
  const { engine, broker, auths } = reauthSetup({ initialData: text('never'), start: async () => text(`first ${++n}`) });
  await engine.connect();
  const connect = broker.sent('connect')[0];
  expect(str(connect?.properties?.authenticationData ?? new Uint8Array())).toBe('first 1');
  await engine.reauthenticate();
  expect(str(auths()[0]?.properties?.authenticationData ?? new Uint8Array())).toBe('first 2');
});

it('a start() that answers nothing leaves the data out', async () => {
  const { engine, broker, auths } = reauthSetup({ start: () => undefined }, {}, { connectProperties: { authenticationData: text('stale') } });
  await engine.connect();
  expect(broker.sent('connect')[0]?.properties?.authenticationData).toBeUndefined();
  await engine.reauthenticate();
  expect(auths()[0]?.properties).toEqual({ authenticationMethod: 'M' });
});
