// Issue 12 item 7: loopStart() before connectAsync() connects once connectAsync() is called (Paho
// and libmosquitto connect in either order).
import { expect, it } from 'vitest';
import { MQTT_ERR_SUCCESS } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('loopStart(); connectAsync(...) connects', async () => {
  const client = newClient();
  expect(client.loopStart()).toBe(MQTT_ERR_SUCCESS);
  client.connectAsync('127.0.0.1', env.broker.ports.mqtt);
  await expect.poll(() => client.isConnected(), { timeout: 5_000 }).toBe(true);
  client.loopStop();
});
