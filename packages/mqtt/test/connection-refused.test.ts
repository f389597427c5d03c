import { describe, expect, it } from 'vitest';
import { CONNACK_REFUSED_NOT_AUTHORIZED, MQTTv311, MQTTv5, MqttError, connackString } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto({ users: [{ username: 'alice', password: 's3cret' }] });

describe('a refused CONNECT rejects with CONNECTION_REFUSED and calls onConnect with the code', () => {
  it('MQTT 3.1.1: wrong password gives return code 5 (not authorised)', async () => {
    const client = newClient({ protocol: MQTTv311 });
    const codes: number[] = [];
    client.onConnect = (_c, _u, _f, rc) => codes.push(rc);
    client.usernamePwSet('alice', 'wrong');
    const error = await client.connect('127.0.0.1', env.broker.ports.mqtt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MqttError);
    expect((error as MqttError).code).toBe('CONNECTION_REFUSED');
    expect(codes).toEqual([CONNACK_REFUSED_NOT_AUTHORIZED]);
    expect(connackString(codes[0]!)).toBe('Connection Refused: not authorised.');
    expect(client.isConnected()).toBe(false);
  });

  it('MQTT 5: wrong password gives reason code 0x86 or 0x87', async () => {
    const client = newClient({ protocol: MQTTv5 });
    const codes: number[] = [];
    client.onConnect = (_c, _u, _f, rc) => codes.push(rc);
    client.usernamePwSet('alice', 'wrong');
    const error = (await client.connect('127.0.0.1', env.broker.ports.mqtt).catch((e: unknown) => e)) as MqttError;
    expect(error.code).toBe('CONNECTION_REFUSED');
    expect([0x86, 0x87]).toContain(codes[0]);
  });

  it('the right password is accepted', async () => {
    const client = newClient();
    client.usernamePwSet('alice', 's3cret');
    const connack = await client.connect('127.0.0.1', env.broker.ports.mqtt);
    expect(connack.reasonCode).toBe(0);
  });
});
