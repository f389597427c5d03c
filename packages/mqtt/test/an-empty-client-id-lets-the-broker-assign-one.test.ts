// `emptyClientId: true` sends a zero-length client id, so the broker assigns one (issue 12 item 11):
// MQTT 5 with any clean start, the id returned as Assigned Client Identifier and shown by
// client.clientId [MQTT-3.1.3-6] [MQTT-3.2.2-16]; MQTT 3.1.1 with clean session only [MQTT-3.1.3-7].
// Without the option the client keeps its random id, as the README promises. The CONNECTs are read
// on the wire, through a forwarder in front of mosquitto.
import type { Packet } from '@x/mqtt-codec';
import { afterAll, describe, expect, it } from 'vitest';
import { MQTTv31, MQTTv311, MQTTv5 } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';
import { startWireTap, type WireTap } from './support/wire-tap.js';

const env = useMosquitto();
const taps: WireTap[] = [];
afterAll(async () => {
  await Promise.all(taps.map((tap) => tap.close()));
});

async function tap(protocolVersion: 4 | 5): Promise<WireTap> {
  const t = await startWireTap(env.broker.ports.mqtt, protocolVersion);
  taps.push(t);
  return t;
}

function connects(t: WireTap): Array<Extract<Packet, { type: 'connect' }>> {
  return t.sent.flatMap(({ packet }) => (packet.type === 'connect' ? [packet] : []));
}

describe('MQTT 5 with emptyClientId', () => {
  it('sends an empty id and exposes the id the broker assigned', async () => {
    const t = await tap(5);
    const client = newClient({ protocol: MQTTv5, emptyClientId: true });
    expect(client.clientId).toBe('');
    const connack = await client.connect('127.0.0.1', t.port);
    expect(connects(t).map((c) => c.clientId)).toEqual(['']);
    const assigned = connack.properties?.assignedClientIdentifier;
    expect(assigned).toMatch(/^auto-/);
    expect(client.clientId).toBe(assigned);
  });

  it('with a persistent session, resumes it on reconnect under the assigned id', async () => {
    const t = await tap(5);
    const client = newClient({ protocol: MQTTv5, emptyClientId: true, cleanSession: false, properties: { sessionExpiryInterval: 60 } });
    const first = await client.connect('127.0.0.1', t.port);
    const assigned = first.properties?.assignedClientIdentifier;
    expect(assigned).toMatch(/^auto-/);
    const second = await client.reconnect();
    expect(connects(t).map((c) => [c.clientId, c.cleanStart])).toEqual([['', false], [assigned, false]]);
    expect(second.sessionPresent).toBe(true);
    expect(client.clientId).toBe(assigned);
  });
});

describe('MQTT 3.1.1 with emptyClientId', () => {
  it('sends an empty id with a clean session, and the broker accepts it', async () => {
    const t = await tap(4);
    const client = newClient({ protocol: MQTTv311, emptyClientId: true });
    const connack = await client.connect('127.0.0.1', t.port);
    expect(connack.reasonCode).toBe(0);
    expect(connects(t).map((c) => [c.clientId, c.cleanStart])).toEqual([['', true]]);
    // A 3.1.1 broker does not say which id it chose.
    expect(client.clientId).toBe('');
  });

  it('is refused with cleanSession false, on MQTT 3.1, and with a clientId, before anything is sent', () => {
    expect(() => newClient({ protocol: MQTTv311, emptyClientId: true, cleanSession: false })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => newClient({ protocol: MQTTv31, emptyClientId: true })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => newClient({ protocol: MQTTv5, emptyClientId: true, clientId: 'named' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('without emptyClientId', () => {
  it('an empty clientId still becomes a random id, the one sent on the wire', async () => {
    const t = await tap(5);
    const client = newClient({ protocol: MQTTv5, clientId: '' });
    expect(client.clientId).toMatch(/^x-mqtt-[0-9a-z]{16}$/);
    const connack = await client.connect('127.0.0.1', t.port);
    expect(connects(t).map((c) => c.clientId)).toEqual([client.clientId]);
    expect(connack.properties?.assignedClientIdentifier).toBeUndefined();
  });
});
