// Issue 12 item 15: v5 CONNECT properties passed to connect() apply to that call (and its
// reconnects) only; a later connect() without properties does not re-send them.
import { expect, it } from 'vitest';
import { MQTTv5 } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('sessionExpiryInterval of the first connect() is not sent by the second', async () => {
  const client = newClient({ protocol: MQTTv5, clientId: `props-${process.pid}`, cleanSession: false });
  const port = env.broker.ports.mqtt;
  await client.connect('127.0.0.1', port, 60, undefined, { properties: { sessionExpiryInterval: 300 } });
  await client.disconnect();
  // The session outlived the first connection (300 s), so the second one finds it...
  expect((await client.connect('127.0.0.1', port)).sessionPresent).toBe(true);
  await client.disconnect();
  // ...but the second connect() asked for no expiry, so its session ended with it.
  expect((await client.connect('127.0.0.1', port)).sessionPresent).toBe(false);
});
