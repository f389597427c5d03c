// `resubscribe` (default on, as MQTT.js): after a reconnect whose CONNACK says session present 0,
// the filters subscribed with subscribe() are subscribed again (issue 13 item 4). A filter that
// onConnect subscribes again is not renewed a second time. Shown across a real mosquitto restart
// with persistence off, counting SUBSCRIBEs on the wire through a forwarder in front of it.
import type { Packet, Subscription } from '@x/mqtt-codec';
import { startAedes } from '@x/test-brokers';
import { afterAll, describe, expect, it } from 'vitest';
import { MQTTv311, MQTTv5, type Client, type ClientOptions, type MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';
import { startWireTap, type WireTap } from './support/wire-tap.js';

const env = useMosquitto({ persistence: false });
const taps: WireTap[] = [];
afterAll(async () => {
  await Promise.all(taps.map((tap) => tap.close()));
});

/** A client behind its own wire tap; `connects` counts accepted CONNACKs. */
async function tapped(options: ClientOptions, brokerPort = env.broker.ports.mqtt): Promise<{ client: Client; tap: WireTap; connacks: boolean[]; got: MqttMessage[] }> {
  const tap = await startWireTap(brokerPort, (options.protocol ?? MQTTv311) as 4 | 5);
  taps.push(tap);
  const client = newClient(options);
  client.reconnectDelaySet({ minDelay: 0.05, maxDelay: 0.2 });
  const connacks: boolean[] = [];
  const got: MqttMessage[] = [];
  client.onConnect = (_c, _u, flags, rc) => {
    if (rc === 0) connacks.push(flags.sessionPresent);
  };
  client.onMessage = (_c, _u, m) => got.push(m);
  return { client, tap, connacks, got };
}

/** The filters of every SUBSCRIBE sent on connections after the first, in order. */
function renewedFilters(tap: WireTap): Subscription[] {
  return tap.sent.flatMap(({ connection, packet }: { connection: number; packet: Packet }) => (connection > 1 && packet.type === 'subscribe' ? packet.subscriptions : []));
}

async function restartBroker(connacks: boolean[]): Promise<void> {
  const before = connacks.length;
  await env.broker.restart();
  await expect.poll(() => connacks.length, { timeout: 10_000 }).toBe(before + 1);
}

/** Publishes from a second client until the first receives it (the renewal's SUBACK may still be on its way). */
async function deliveredAfterRestart(topic: string, got: MqttMessage[]): Promise<void> {
  const publisher = newClient();
  await publisher.connect('127.0.0.1', env.broker.ports.mqtt);
  await expect.poll(async () => {
    await publisher.publish(topic, 'after restart', 1);
    return got.some((m) => m.topic === topic);
  }, { timeout: 5000 }).toBe(true);
  await publisher.disconnect();
}

for (const protocol of [MQTTv311, MQTTv5] as const) {
  describe(`v${protocol}, resubscribe on by default`, () => {
    it('renews a subscribe() filter after the broker restarts without its session, once', async () => {
      const base = uniqueTopic('resubscribe');
      const { client, tap, connacks, got } = await tapped({ protocol });
      await client.connect('127.0.0.1', tap.port, 5);
      await client.subscribe([[`${base}/a/#`, 1], [`${base}/b`, 2]]);
      await restartBroker(connacks);
      expect(connacks).toEqual([false, false]);
      await deliveredAfterRestart(`${base}/a/x`, got);
      expect(renewedFilters(tap).map((s) => [s.topicFilter, s.qos])).toEqual([[`${base}/a/#`, 1], [`${base}/b`, 2]]);
    }, 30_000);

    it('does not subscribe twice a filter that onConnect subscribes again', async () => {
      const base = uniqueTopic('resubscribe-onconnect');
      const { client, tap, connacks, got } = await tapped({ protocol });
      const paho = client.onConnect;
      client.onConnect = (c, u, flags, rc, props) => {
        paho?.call(c, c, u, flags, rc, props);
        c.subscribe(`${base}/paho`, 1);
      };
      await client.connect('127.0.0.1', tap.port, 5);
      await expect.poll(() => tap.sent.some(({ packet }) => packet.type === 'subscribe')).toBe(true);
      await client.subscribe(`${base}/later`, 1);
      await restartBroker(connacks);
      await deliveredAfterRestart(`${base}/paho`, got);
      await deliveredAfterRestart(`${base}/later`, got);
      expect(renewedFilters(tap).map((s) => s.topicFilter)).toEqual([`${base}/paho`, `${base}/later`]);
    }, 30_000);
  });
}

describe('what is not renewed', () => {
  it('nothing with resubscribe: false (the Paho way: subscribe in onConnect)', async () => {
    const base = uniqueTopic('resubscribe-off');
    const { client, tap, connacks } = await tapped({ resubscribe: false });
    await client.connect('127.0.0.1', tap.port, 5);
    await client.subscribe(`${base}/t`, 1);
    await restartBroker(connacks);
    // Give a renewal that should not come the time to come.
    await new Promise((r) => setTimeout(r, 300));
    expect(renewedFilters(tap)).toEqual([]);
  }, 30_000);

  it('a filter unsubscribed since', async () => {
    const base = uniqueTopic('resubscribe-gone');
    const { client, tap, connacks, got } = await tapped({ protocol: MQTTv5 });
    await client.connect('127.0.0.1', tap.port, 5);
    await client.subscribe([[`${base}/kept`, 1], [`${base}/dropped`, 1]]);
    await client.unsubscribe(`${base}/dropped`);
    await restartBroker(connacks);
    await deliveredAfterRestart(`${base}/kept`, got);
    expect(renewedFilters(tap).map((s) => s.topicFilter)).toEqual([`${base}/kept`]);
  }, 30_000);

  it('a filter the broker refused (aedes; a clean session reconnects with session present 0)', async () => {
    // mosquitto 2.0 grants every SUBSCRIBE (its ACL filters deliveries instead), so aedes refuses here.
    const aedes = await startAedes({ deniedFilters: ['denied/x'] });
    try {
      const { client, tap, connacks } = await tapped({}, aedes.port);
      await client.connect('127.0.0.1', tap.port, 5);
      const result = await client.subscribe([['denied/x', 1], ['allowed/x', 1]]);
      expect(result.reasonCodes).toEqual([0x80, 1]);
      await client.reconnect();
      expect(connacks).toEqual([false, false]);
      await expect.poll(() => renewedFilters(tap).length).toBe(1);
      expect(renewedFilters(tap).map((s) => s.topicFilter)).toEqual(['allowed/x']);
      await client.disconnect();
    } finally {
      await aedes.close();
    }
  }, 30_000);

  it('nothing when the broker kept the session (session present 1)', async () => {
    const base = uniqueTopic('resubscribe-session');
    const { client, tap, connacks } = await tapped({ clientId: `keep-${process.pid}`, cleanSession: false });
    await client.connect('127.0.0.1', tap.port, 5);
    await client.subscribe(`${base}/t`, 1);
    await client.reconnect();
    expect(connacks).toEqual([false, true]);
    await new Promise((r) => setTimeout(r, 300));
    expect(renewedFilters(tap)).toEqual([]);
  }, 30_000);
});
