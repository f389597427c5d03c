// Issue 12 item 8: with autoReconnect off, loopForever() settles with the lost connection's rc
// instead of staying pending forever.
import { expect, it } from 'vitest';
import { MQTT_ERR_CONN_LOST, MQTT_ERR_SUCCESS } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('a lost connection with autoReconnect: false settles loopForever() with MQTT_ERR_CONN_LOST', async () => {
  const client = newClient({ autoReconnect: false });
  const rcs: number[] = [];
  client.onDisconnect = (_c, _u, rc) => rcs.push(rc);
  client.connectAsync('127.0.0.1', env.broker.ports.mqtt);
  const forever = client.loopForever();
  await expect.poll(() => client.isConnected(), { timeout: 5_000 }).toBe(true);
  (client.socket() as { destroy(): void }).destroy();
  await expect(forever).resolves.toBe(MQTT_ERR_CONN_LOST);
  expect(rcs).toEqual([MQTT_ERR_CONN_LOST]);
});

it('disconnect() still settles loopForever() with MQTT_ERR_SUCCESS', async () => {
  const client = newClient({ autoReconnect: false });
  client.connectAsync('127.0.0.1', env.broker.ports.mqtt);
  const forever = client.loopForever();
  await expect.poll(() => client.isConnected(), { timeout: 5_000 }).toBe(true);
  await client.disconnect();
  await expect(forever).resolves.toBe(MQTT_ERR_SUCCESS);
});
