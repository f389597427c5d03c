// SCRAM end to end through the engine, against a scripted SCRAM server (test/support, node:crypto):
// CONNECT carries client-first, AUTH 0x18 server-first, AUTH 0x18 client-final, CONNACK server-final
// (the example of MQTT 5 section 4.12); then reauthenticate() runs the same exchange with AUTH 0x19
// and ends on AUTH 0x00. A wrong password is refused by the server; a server that does not know
// the password is refused by the client (its signature does not match).
import { randomBytes } from 'node:crypto';
import type { Packet } from '@x/mqtt-codec';
import { MqttEngine } from '@x/mqtt-core';
import { expect, it } from 'vitest';
import { scramAuthenticator } from '../src/index.js';
import { InMemoryBroker } from './support/in-memory-broker.js';
import { ScramServer } from './support/scram-server.js';

const dec = (b: Uint8Array | undefined): string => new TextDecoder().decode(b);
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A broker that speaks SCRAM-SHA-256 on CONNECT and on AUTH 0x19, knowing `password`. */
function scramBroker(password: string): InMemoryBroker {
  const server = new ScramServer({ username: 'user', password, hash: 'SHA-256', salt: randomBytes(16), iterations: 4096, nonce: () => randomBytes(12).toString('base64') });
  const method = 'SCRAM-SHA-256';
  let phase: 'connect' | 'reauth' = 'connect';
  return new InMemoryBroker((p: Packet): Packet[] => {
    if (p.type === 'connect') {
      phase = 'connect';
      return [{ type: 'auth', reasonCode: 0x18, properties: { authenticationMethod: method, authenticationData: enc(server.first(dec(p.properties?.authenticationData))) } }];
    }
    if (p.type === 'auth' && p.reasonCode === 0x19) {
      phase = 'reauth';
      return [{ type: 'auth', reasonCode: 0x18, properties: { authenticationMethod: method, authenticationData: enc(server.first(dec(p.properties?.authenticationData))) } }];
    }
    if (p.type === 'auth') {
      const final = server.final(dec(p.properties?.authenticationData));
      if (final === undefined) return [phase === 'connect' ? { type: 'connack', sessionPresent: false, reasonCode: 0x87 } : { type: 'disconnect', reasonCode: 0x87 }];
      const properties = { authenticationMethod: method, authenticationData: enc(final) };
      return [phase === 'connect' ? { type: 'connack', sessionPresent: false, reasonCode: 0, properties } : { type: 'auth', reasonCode: 0x00, properties }];
    }
    if (p.type === 'publish' && p.qos === 1) return [{ type: 'puback', packetId: p.packetId ?? 0 }];
    return [];
  });
}

function engine(broker: InMemoryBroker, password: string): MqttEngine {
  return new MqttEngine({ transports: broker, protocolVersion: 5, clientId: 'scram', keepalive: 0, autoReconnect: false, authenticator: scramAuthenticator({ username: 'user', password }) });
}

it('connects with SCRAM-SHA-256, re-authenticates twice, and publishes in between', async () => {
  const broker = scramBroker('pencil');
  const client = engine(broker, 'pencil');
  await client.connect();
  const reauth = client.reauthenticate({ timeoutMs: 5000 });
  const published = client.publish('t', 'during re-authentication', { qos: 1 });
  const result = await reauth;
  await published.done;
  expect(result.reasonCode).toBe(0x00);
  expect(dec(result.properties?.authenticationData)).toMatch(/^v=/);
  await client.reauthenticate();
  const auths = broker.auths().map((a) => [a.reasonCode, dec(a.properties?.authenticationData).slice(0, 5)]);
  expect(auths).toEqual([[0x18, 'c=biw'], [0x19, 'n,,n='], [0x18, 'c=biw'], [0x19, 'n,,n='], [0x18, 'c=biw']]);
  const firsts = broker.received.flatMap((p) => (p.type === 'connect' || (p.type === 'auth' && p.reasonCode === 0x19) ? [dec(p.properties?.authenticationData)] : []));
  expect(new Set(firsts).size).toBe(3);
  expect(client.state).toBe('connected');
  await client.disconnect();
});

it('a wrong password: the server refuses CONNECT with CONNACK 0x87', async () => {
  const client = engine(scramBroker('pencil'), 'crayon');
  await expect(client.connect()).rejects.toMatchObject({ code: 'CONNECTION_REFUSED', reasonCode: 0x87 });
});

it('a server that does not know the password: the client refuses its signature with AUTH_ERROR', async () => {
  // The server accepts any proof here, so only the client's check of the server signature stands.
  const server = new ScramServer({ username: 'user', password: 'forged', hash: 'SHA-256', salt: randomBytes(16), iterations: 4096, nonce: () => 'x' });
  const forging = new InMemoryBroker((p) => {
    if (p.type === 'connect') return [{ type: 'auth', reasonCode: 0x18, properties: { authenticationMethod: 'SCRAM-SHA-256', authenticationData: enc(server.first(dec(p.properties?.authenticationData))) } }];
    if (p.type === 'auth') return [{ type: 'connack', sessionPresent: false, reasonCode: 0, properties: { authenticationMethod: 'SCRAM-SHA-256', authenticationData: enc('v=' + randomBytes(32).toString('base64')) } }];
    return [];
  });
  const client = engine(forging, 'pencil');
  await expect(client.connect()).rejects.toMatchObject({ code: 'AUTH_ERROR', message: expect.stringContaining('does not match') });
  expect(client.state).toBe('idle');
});

it('a re-authentication the server refuses rejects with SERVER_DISCONNECT 0x87', async () => {
  let password = 'pencil';
  const broker = scramBroker('pencil');
  const client = new MqttEngine({ transports: broker, protocolVersion: 5, clientId: 'scram', keepalive: 0, autoReconnect: false, authenticator: { method: 'SCRAM-SHA-256', start: () => current().start?.(), challenge: (d, p) => current().challenge(d, p), complete: (d, p) => current().complete?.(d, p) } });
  let auth = scramAuthenticator({ username: 'user', password });
  const current = () => auth;
  await client.connect();
  password = 'changed';
  auth = scramAuthenticator({ username: 'user', password });
  await expect(client.reauthenticate()).rejects.toMatchObject({ code: 'SERVER_DISCONNECT', reasonCode: 0x87 });
});
