// Issue 13 item 7: reconnect() after disconnect() reconnects with the last connect() arguments, as
// Paho does; before any connect() it rejects (it does not throw).
import { expect, it } from 'vitest';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('reconnect() before any connect() returns a rejected promise with INVALID_STATE', async () => {
  const client = newClient();
  let result: Promise<unknown> | undefined;
  expect(() => (result = client.reconnect())).not.toThrow();
  await expect(result).rejects.toMatchObject({ code: 'INVALID_STATE' });
});

it('reconnect() after disconnect() connects again to the same broker', async () => {
  const client = newClient();
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  await client.disconnect();
  expect(client.isConnected()).toBe(false);
  await expect(client.reconnect()).resolves.toMatchObject({ reasonCode: 0 });
  expect(client.isConnected()).toBe(true);
});
