import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FileSessionStore, MQTT_ERR_NO_CONN, type MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'x-mqtt-facade-store-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('messages queued by one client object are sent by the next one that opens the same file store', async () => {
  const topic = uniqueTopic('file-store');
  const watcher = newClient();
  const got: MqttMessage[] = [];
  watcher.onMessage = (_c, _u, m) => got.push(m);
  await watcher.connect('127.0.0.1', env.broker.ports.mqtt);
  await watcher.subscribe(topic, 2);

  const first = await FileSessionStore.open(dir);
  const before = newClient({ clientId: 'durable-1', cleanSession: false, sessionStore: first });
  const infos = ['a', 'b', 'c'].map((text, i) => before.publish(topic, text, i === 1 ? 2 : 1));
  expect(infos.map((i) => i.rc)).toEqual([MQTT_ERR_NO_CONN, MQTT_ERR_NO_CONN, MQTT_ERR_NO_CONN]);
  // Once stored, the messages survive the process: it "dies" here, without ever connecting.
  await Promise.all(infos.map((info) => info.waitForStored()));
  await first.close();

  const second = await FileSessionStore.open(dir);
  const after = newClient({ clientId: 'durable-1', cleanSession: false, sessionStore: second });
  await after.connect('127.0.0.1', env.broker.ports.mqtt);
  // mosquitto forwards a QoS 2 message at PUBREL, so across QoS levels the order may differ.
  await expect.poll(() => got.map((m) => m.text()).sort()).toEqual(['a', 'b', 'c']);
  expect(got.filter((m) => m.qos === 1).map((m) => m.text())).toEqual(['a', 'c']);
  await after.disconnect();
  await second.close();
});
