// The authenticator's complete() sees the data of the successful CONNACK and of each AUTH 0x00
// (where a SCRAM client checks the server signature); a throw fails connect() or reauthenticate()
// with AUTH_ERROR and closes the connection.
import type { Packet } from '@x/mqtt-codec';
import { expect, it } from 'vitest';
import { ok, reauthSetup } from './helpers/reauth-setup.js';
import { str, text } from './helpers/harness.js';

const connackWith = (data: string): Packet => ({ type: 'connack', sessionPresent: false, reasonCode: 0, properties: { authenticationMethod: 'M', authenticationData: text(data) } });

it('gets the CONNACK data and the AUTH 0x00 data', async () => {
  const seen: string[] = [];
  const { engine, broker } = reauthSetup({ complete: (data) => void seen.push(str(data ?? new Uint8Array())) });
  broker.script.connack = { sessionPresent: false, reasonCode: 0, properties: { authenticationMethod: 'M', authenticationData: text('server final') } };
  await engine.connect();
  await engine.reauthenticate();
  expect(seen).toEqual(['server final', 'ok']);
});

it('a refused CONNACK outcome fails connect() with AUTH_ERROR and never reports the connection up', async () => {
  const { engine, broker, transport } = reauthSetup({ complete: () => { throw new Error('bad server signature'); } });
  const base = broker.answer.bind(broker);
  broker.answer = (p) => (p.type === 'connect' ? [connackWith('forged')] : base(p));
  const connects: unknown[] = [];
  engine.on('connect', (c) => connects.push(c));
  await expect(engine.connect()).rejects.toMatchObject({ code: 'AUTH_ERROR', message: expect.stringContaining('bad server signature') });
  expect(connects).toEqual([]);
  expect(transport.closedBy).toEqual(['destroy']);
  expect(engine.state).toBe('idle');
});

it('a refused AUTH 0x00 outcome fails reauthenticate() with AUTH_ERROR and closes', async () => {
  let refuse = false;
  const { engine, transport } = reauthSetup({ complete: () => { if (refuse) throw new Error('forged'); } }, { onReauth: () => [ok('forged')] }, { autoReconnect: false });
  await engine.connect();
  refuse = true;
  await expect(engine.reauthenticate()).rejects.toMatchObject({ code: 'AUTH_ERROR' });
  expect(transport.closedBy).toEqual(['destroy']);
});
