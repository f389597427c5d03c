// subscribe.callback hands its callback a client with the Client's publish signature, as Paho
// hands its client (issue 13 item 13): client.publish('reply', 'pong', 2) inside it is QoS 2, and
// client.disconnect() ends the helper once that reply is acknowledged. Against mosquitto.
import { expect, it } from 'vitest';
import { subscribe, type MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('client.publish(topic, payload, 2) inside the callback publishes at QoS 2, and disconnect() ends it', async () => {
  const base = uniqueTopic('callback-client');
  const observer = newClient();
  const replies: MqttMessage[] = [];
  observer.onMessage = (_c, _u, m) => replies.push(m);
  await observer.connect('127.0.0.1', env.broker.ports.mqtt);
  await observer.subscribe(`${base}/reply`, 2);

  const running = subscribe.callback(
    (client, _userdata, message) => {
      const info = client.publish(`${base}/reply`, `pong to ${message.text()}`, 2);
      expect(info.rc).toBe(0);
      client.disconnect();
    },
    `${base}/ping`,
    { hostname: '127.0.0.1', port: env.broker.ports.mqtt, qos: 1 },
  );
  // The helper says nothing when it has subscribed: ping until it answers.
  const pinger = newClient();
  await pinger.connect('127.0.0.1', env.broker.ports.mqtt);
  const ticker = setInterval(() => pinger.publish(`${base}/ping`, 'ping', 1), 50);
  try {
    await running;
  } finally {
    clearInterval(ticker);
  }
  await expect.poll(() => replies.length).toBe(1);
  expect(replies[0]).toMatchObject({ topic: `${base}/reply`, qos: 2 });
  expect(replies[0]?.text()).toBe('pong to ping');
});
