// The one-shot helpers across a real mosquitto restart with persistence off (issue 12 item 9): the
// helper reconnects and subscribes again (the broker lost the subscription), so a message published
// only after the restart still arrives; with `reconnect: false` it rejects with a typed error.
import { expect, it } from 'vitest';
import { MqttError, subscribe } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto({ persistence: false });

it('subscribe.simple waiting through a restart gets a message published after it', async () => {
  const topic = uniqueTopic('helper-restart');
  const waiting = subscribe.simple(topic, { hostname: '127.0.0.1', port: env.broker.ports.mqtt, qos: 1, timeoutMs: 10_000 });
  await new Promise((r) => setTimeout(r, 300));
  await env.broker.restart();
  const publisher = newClient();
  publisher.reconnectDelaySet({ minDelay: 0.05, maxDelay: 0.2 });
  await publisher.connect('127.0.0.1', env.broker.ports.mqtt);
  const ticker = setInterval(() => publisher.publish(topic, 'after restart', 1), 100);
  try {
    const message = await waiting;
    expect(message.text()).toBe('after restart');
  } finally {
    clearInterval(ticker);
  }
}, 20_000);

it('with reconnect: false, a restart rejects subscribe.simple with the loss', async () => {
  const topic = uniqueTopic('helper-restart-no-retry');
  const waiting = subscribe.simple(topic, { hostname: '127.0.0.1', port: env.broker.ports.mqtt, reconnect: false });
  waiting.catch(() => undefined);
  await new Promise((r) => setTimeout(r, 300));
  await env.broker.restart();
  const error = await waiting.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MqttError);
  expect((error as MqttError).code).toMatch(/^(CONNECTION_CLOSED|SERVER_DISCONNECT)$/);
}, 20_000);
