// client.connackString(rc) picks the CONNACK table of the client's own protocol (issue 13 item 15):
// in onConnect on an MQTT 5 client, a refusal reads with its v5 name, not "unknown reason".
import { describe, expect, it } from 'vitest';
import { MQTTv311, MQTTv5, connackString } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto({ users: [{ username: 'alice', password: 's3cret' }] });

/** Connects with a wrong password and returns what onConnect saw: rc and client.connackString(rc). */
async function refusedInOnConnect(protocol: typeof MQTTv311 | typeof MQTTv5): Promise<{ rc: number; text: string }> {
  const client = newClient({ protocol });
  const seen: Array<{ rc: number; text: string }> = [];
  client.onConnect = (c, _u, _f, rc) => seen.push({ rc, text: c.connackString(rc) });
  client.usernamePwSet('alice', 'wrong');
  await client.connect('127.0.0.1', env.broker.ports.mqtt).catch(() => undefined);
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

describe('client.connackString(rc)', () => {
  it('names an MQTT 5 refusal from the v5 table', async () => {
    const { rc, text } = await refusedInOnConnect(MQTTv5);
    // mosquitto answers a wrong password with 0x87; 0x86 is the other code a broker may use.
    const v5Names: Record<number, string> = { 0x86: 'Bad User Name or Password', 0x87: 'Not authorized' };
    expect([0x86, 0x87]).toContain(rc);
    expect(text).toBe(v5Names[rc]);
    // The module function without a protocol reads the 3.1.1 table: the reason the method exists.
    expect(connackString(rc)).toBe('Connection Refused: unknown reason.');
  });

  it('names a 3.1.1 refusal from the 3.1.1 table', async () => {
    const { rc, text } = await refusedInOnConnect(MQTTv311);
    expect(rc).toBe(5);
    expect(text).toBe('Connection Refused: not authorised.');
  });

  it('names an accepted connection on either protocol', () => {
    expect(newClient({ protocol: MQTTv5 }).connackString(0)).toBe('Success');
    expect(newClient({ protocol: MQTTv311 }).connackString(0)).toBe('Connection Accepted.');
  });
});
