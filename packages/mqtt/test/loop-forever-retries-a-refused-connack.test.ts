// Issue 13 item 8: loopForever() on a refused CONNACK keeps retrying with back-off, as Paho's loop
// does; credentials fixed meanwhile are used by the next attempt (settings are read at each CONNECT).
import { expect, it } from 'vitest';
import { MQTT_ERR_SUCCESS } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto({ users: [{ username: 'carol', password: 'right' }] });

it('a refused first CONNACK is retried until the credentials are right; loopForever() then runs until disconnect()', async () => {
  const client = newClient();
  const codes: number[] = [];
  client.onConnect = (_c, _u, _f, rc) => codes.push(rc);
  client.reconnectDelaySet(0.05, 0.2);
  client.usernamePwSet('carol', 'wrong');
  client.connectAsync('127.0.0.1', env.broker.ports.mqtt);
  const forever = client.loopForever();
  await expect.poll(() => codes.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2); // refused, and retried
  client.usernamePwSet('carol', 'right');
  await expect.poll(() => client.isConnected(), { timeout: 5_000 }).toBe(true);
  expect(codes.at(-1)).toBe(0);
  await client.disconnect();
  await expect(forever).resolves.toBe(MQTT_ERR_SUCCESS);
});
