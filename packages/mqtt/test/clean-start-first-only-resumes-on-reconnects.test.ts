// Issue 12 item 15: Paho 2's MQTT_CLEAN_START_FIRST_ONLY per connect() call: the first accepted
// connection starts clean, its reconnects resume the session; the next connect() call is clean again.
import { expect, it } from 'vitest';
import { MQTT_CLEAN_START_FIRST_ONLY, MQTTv5 } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('clean on the first connection, resumed on reconnect(), clean again on a new connect()', async () => {
  const client = newClient({ protocol: MQTTv5, clientId: `first-only-${process.pid}` });
  const port = env.broker.ports.mqtt;
  const options = { cleanStart: MQTT_CLEAN_START_FIRST_ONLY, properties: { sessionExpiryInterval: 300 } } as const;
  // A session left at the broker by an earlier connection: the first connection must not resume it.
  await client.connect('127.0.0.1', port, 60, undefined, { cleanStart: false, properties: { sessionExpiryInterval: 300 } });
  await client.disconnect();
  expect((await client.connect('127.0.0.1', port, 60, undefined, options)).sessionPresent).toBe(false);
  expect((await client.reconnect()).sessionPresent).toBe(true);
  await client.disconnect();
  expect((await client.connect('127.0.0.1', port, 60, undefined, options)).sessionPresent).toBe(false);
});
