import { expect, it } from 'vitest';
import { MQTT_ERR_INVAL, MQTT_ERR_NO_CONN, MQTT_ERR_SUCCESS } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('connectAsync + loopForever connects, runs callbacks, and resolves when disconnect() is called', async () => {
  const topic = uniqueTopic('forever');
  const client = newClient();
  const seen: string[] = [];
  client.onConnect = (c) => void c.subscribe(topic, 1).then(() => c.publish(topic, 'ping', 1));
  client.onMessage = (c, _u, m) => {
    seen.push(m.text());
    void c.disconnect();
  };
  client.connectAsync('127.0.0.1', env.broker.ports.mqtt);
  expect(client.isConnected()).toBe(false);
  const rc = await client.loopForever();
  expect(rc).toBe(MQTT_ERR_SUCCESS);
  expect(seen).toEqual(['ping']);
  expect(client.isConnected()).toBe(false);
});

it('loopStart connects in the background; loop() waits for activity; a second loopStart is refused', async () => {
  const client = newClient();
  expect(await client.loop(0.01)).toBe(MQTT_ERR_NO_CONN);
  let connected = false;
  client.onConnect = () => (connected = true);
  client.connectAsync('127.0.0.1', env.broker.ports.mqtt);
  expect(client.loopStart()).toBe(MQTT_ERR_SUCCESS);
  expect(client.loopStart()).toBe(MQTT_ERR_INVAL);
  await expect.poll(() => connected).toBe(true);
  expect(await client.loop(0.05)).toBe(MQTT_ERR_SUCCESS);
  expect(client.socket()).toBeDefined();
  expect(client.wantWrite()).toBe(false);
  await client.disconnect();
  // As in the seed, loopStop() after disconnect() still stops the started loop.
  expect(client.loopStop()).toBe(MQTT_ERR_SUCCESS);
  expect(client.loopStop()).toBe(MQTT_ERR_INVAL);
});

it('loopForever({ retryFirstConnection: false }) rejects when the first connection fails', async () => {
  const client = newClient();
  client.connectAsync('127.0.0.1', 1);
  await expect(client.loopForever()).rejects.toMatchObject({ code: 'TRANSPORT_ERROR' });
});

it('disconnect() while waiting to reconnect stops reconnecting and settles loopForever', async () => {
  const { startMosquitto } = await import('@x/test-brokers');
  const own = await startMosquitto();
  try {
    const client = newClient();
    client.reconnectDelaySet(5, 10);
    let connects = 0;
    client.onConnect = () => connects++;
    client.connectAsync('127.0.0.1', own.ports.mqtt);
    const forever = client.loopForever();
    await expect.poll(() => connects).toBe(1);
    own.kill('SIGKILL');
    await expect.poll(() => client.isConnected()).toBe(false);
    await client.disconnect();
    await expect(forever).resolves.toBe(MQTT_ERR_SUCCESS);
  } finally {
    await own.stop();
  }
});
