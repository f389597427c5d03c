// Issue 14.3: with no subscriber on any MQTT_CHANNELS channel, a real exchange publishes nothing
// on them (no message object is built), the engine's packet observer stays inactive, and the
// browser-shaped platform (no instrument hook) leaves the engine with no observer at all.
import diagnosticsChannel from 'node:diagnostics_channel';
import { afterEach, expect, it, vi } from 'vitest';
import { EngineCore } from '@x/mqtt-core';
import { ClientBase, MQTT_CHANNELS, MQTTv5, nodePlatform } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();
afterEach(() => vi.restoreAllMocks());

const names = [
  MQTT_CHANNELS.connect, MQTT_CHANNELS.disconnect, MQTT_CHANNELS.packetSend, MQTT_CHANNELS.packetReceive, MQTT_CHANNELS.message,
  ...['start', 'end', 'asyncStart', 'asyncEnd', 'error'].map((event) => `tracing:${MQTT_CHANNELS.publish}:${event}`),
];

it('publishes on no channel, and the packet observer is never asked for a packet', async () => {
  const publishes = names.map((name) => vi.spyOn(diagnosticsChannel.channel(name), 'publish'));
  for (const name of names) expect(diagnosticsChannel.hasSubscribers(name)).toBe(false);
  const sent = vi.fn();
  const observe = vi.spyOn(EngineCore.prototype, 'observe').mockImplementation(function (this: EngineCore, observer) {
    // Keep the real observer, but count what reaches it.
    observe.mockRestore();
    this.observe(observer && { get active() { return observer.active; }, packetSent: (...a) => { sent(); observer.packetSent(...a); }, packetReceived: (...a) => { sent(); observer.packetReceived(...a); } });
  });
  const client = newClient({ protocol: MQTTv5 });
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  const topic = uniqueTopic('quiet');
  let got = 0;
  client.onMessage = () => void got++;
  await client.subscribe(topic, 1);
  await client.publish(topic, 'x', 1);
  await expect.poll(() => got).toBe(1);
  await client.disconnect();
  for (const spy of publishes) expect(spy).not.toHaveBeenCalled();
  expect(sent).not.toHaveBeenCalled();
});

it('a platform without instrument() sets no observer on the engine', () => {
  const observe = vi.spyOn(EngineCore.prototype, 'observe');
  const { instrument: _dropped, ...browserLike } = nodePlatform;
  new ClientBase(browserLike, {});
  expect(observe).not.toHaveBeenCalled();
  new ClientBase(nodePlatform, {});
  expect(observe).toHaveBeenCalledTimes(1);
});
