// What a real broker here can show about enhanced authentication: mosquitto 2.0 has no extended
// authentication plugin in this setup, so it refuses a CONNECT naming "SCRAM-SHA-256" with CONNACK
// 0x8C (Bad authentication method) [MQTT-4.12.0-1]; that proves our CONNECT (method, client-first
// data) is well formed to a real broker and the refusal reaches connect(). The SCRAM exchange and
// re-authentication themselves are proven against a scripted SCRAM server (mqtt-helpers tests)
// and the core's scripted broker, not here. Also: reauthenticate()'s state checks on a real link.
import { expect, it } from 'vitest';
import { MQTTv5, scramAuthenticator } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('mosquitto refuses the SCRAM method with CONNACK 0x8C, and reauthenticate() is INVALID_STATE without a connection', async () => {
  const client = newClient({ protocol: MQTTv5, autoReconnect: false, authenticator: scramAuthenticator({ username: 'user', password: 'pencil' }) });
  await expect(client.connect('127.0.0.1', env.broker.ports.mqtt)).rejects.toMatchObject({ code: 'CONNECTION_REFUSED', reasonCode: 0x8c });
  await expect(client.reauthenticate()).rejects.toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('connection') });
});

it('a connected MQTT 5 client without an authenticator cannot re-authenticate (INVALID_STATE, nothing sent)', async () => {
  const client = newClient({ protocol: MQTTv5 });
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  await expect(client.reauthenticate()).rejects.toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('authenticator') });
  expect(client.isConnected()).toBe(true);
  await client.disconnect();
});
