// v5 enhanced authentication through the engine: the authenticator's method and data go into
// CONNECT, each AUTH 0x18 is answered with what challenge() returns, a failing authenticator
// fails connect() with AUTH_ERROR; reauthenticate() needs an authenticator.
import type { AuthPacket, Packet } from '@x/mqtt-codec';
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';
import { str, text } from './helpers/harness.js';

function challenging(broker: { answer: (p: Packet) => Packet[] }): void {
  broker.answer = (p) => {
    if (p.type === 'connect') return [{ type: 'auth', reasonCode: 0x18, properties: { authenticationMethod: 'M', authenticationData: text('challenge') } }];
    if (p.type === 'auth' && p.reasonCode === 0x18) return [{ type: 'connack', sessionPresent: false, reasonCode: 0 }];
    return [];
  };
}

it('answers the challenge and connects with the initial data in CONNECT', async () => {
  const seen: string[] = [];
  const { engine, broker } = engineSetup({ version: 5, authenticator: { method: 'M', initialData: text('hello'), challenge: (data) => (seen.push(str(data ?? new Uint8Array())), text('answer')) } });
  challenging(broker);
  await engine.connect();
  expect(seen).toEqual(['challenge']);
  const connect = broker.received.find((p) => p.type === 'connect');
  expect(connect?.type === 'connect' && connect.properties?.authenticationData).toEqual(text('hello'));
  const auths = broker.received.filter((p): p is AuthPacket => p.type === 'auth');
  expect(auths.map((a) => [a.reasonCode, str(a.properties?.authenticationData ?? new Uint8Array())])).toEqual([[0x18, 'answer']]);
});

it('an authenticator that throws fails connect() with AUTH_ERROR; one with no data answers without it', async () => {
  const { engine, broker } = engineSetup({ version: 5, authenticator: { method: 'M', challenge: () => Promise.reject(new Error('no')) } });
  challenging(broker);
  await expect(engine.connect()).rejects.toMatchObject({ code: 'AUTH_ERROR' });
  const quiet = engineSetup({ version: 5, authenticator: { method: 'M', challenge: () => undefined } });
  challenging(quiet.broker);
  await quiet.engine.connect();
  const answer = quiet.broker.received.find((p): p is AuthPacket => p.type === 'auth');
  expect(answer?.properties?.authenticationData).toBeUndefined();
});

it('an AUTH 0x18 to connectProperties naming a method without an authenticator is left to the caller', async () => {
  const { engine, broker } = engineSetup({ version: 5, connectProperties: { authenticationMethod: 'M' } });
  challenging(broker);
  const connecting = engine.connect();
  await settle();
  expect(broker.received.filter((p) => p.type === 'auth')).toEqual([]);
  engine.session.auth({ reasonCode: 0x18 }, 0);
  await engine.disconnect();
  await expect(connecting).rejects.toMatchObject({ code: 'ABORTED' });
});
