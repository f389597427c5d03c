// Cross-client interop through the broker: what our client publishes reaches Paho Python, MQTT.js
// and Paho C intact, and theirs reaches ours: binary payloads, QoS, the retained flag and, for
// MQTT 5, user properties (order and repeats) and correlation data.
import type { Client } from '@x/mqtt';
import { Inbox } from '../support/inbox.js';
import { mqttjsPublish, mqttjsSubscriber } from '../peers/mqttjs.js';
import { pahoCPublish, pahoCSubscriber } from '../peers/paho-c.js';
import type { PeerEndpoint, PeerMessage, PeerPublish } from '../peers/peer-message.js';
import { pythonPublish, pythonSubscriber } from '../peers/python.js';
import { waitUntil } from '../support/wait.js';
import type { Scenario, ScenarioContext } from '../types.js';
import { assertBytes, assertEqual, BINARY, bytes } from './common.js';

const applies = (broker: ScenarioContext['broker']): string | undefined => (broker.caps.peers ? undefined : 'cross-client interop runs through mosquitto only');
const endpoint = (ctx: ScenarioContext): PeerEndpoint => ({ host: ctx.broker.host, port: ctx.broker.port, version: ctx.v5 ? 5 : 4 });

/** The messages each direction exchanges: one retained (sent before the receiver subscribes), then three live ones. */
function fixtures(ctx: ScenarioContext, base: string): { retained: PeerPublish; live: PeerPublish[] } {
  const v5 = (extra: Partial<PeerPublish>): Partial<PeerPublish> => (ctx.v5 ? extra : {});
  return {
    retained: { topic: `${base}/retained`, payload: bytes('retained ✓'), qos: 1, retain: true, ...v5({ userProperties: [['kind', 'retained']] }) },
    live: [
      { topic: `${base}/bin`, payload: BINARY, qos: 2, retain: false, ...v5({ userProperties: [['k', 'v1'], ['k', 'v2'], ['ü', 'ß']], correlationData: Uint8Array.of(0, 0xff, 0x10, 0x80) }) },
      { topic: `${base}/text`, payload: bytes('héllo from the other side'), qos: 1, retain: false },
      { topic: `${base}/empty`, payload: new Uint8Array(0), qos: 0, retain: false },
    ],
  };
}

function check(got: readonly PeerMessage[] | Inbox['messages'], expected: readonly PeerPublish[], v5: boolean, who: string): void {
  assertEqual(got.length, expected.length, `${who}: messages received`);
  expected.forEach((want, i) => {
    const m = got.find((g) => g.topic === want.topic);
    if (m === undefined) throw new Error(`${who}: nothing on ${want.topic}`);
    assertBytes(m.payload, want.payload, `${who}: payload on ${want.topic}`);
    assertEqual([m.qos, m.retain], [want.qos, want.retain], `${who}: [qos, retain] on ${want.topic} (#${i})`);
    if (!v5) return;
    const props = 'properties' in m ? { userProperties: m.properties?.userProperties ?? [], correlationData: m.properties?.correlationData } : m;
    assertEqual(props.userProperties, want.userProperties ?? [], `${who}: user properties on ${want.topic}`);
    if (want.correlationData) assertBytes(props.correlationData, want.correlationData, `${who}: correlation data on ${want.topic}`);
  });
}

async function ourPublish(client: Client, m: PeerPublish): Promise<void> {
  const properties = { ...(m.userProperties ? { userProperties: [...m.userProperties] } : {}), ...(m.correlationData ? { correlationData: m.correlationData } : {}) };
  await client.publish(m.topic, m.payload, m.qos, m.retain, Object.keys(properties).length > 0 ? properties : undefined);
}

type Subscribe = (at: PeerEndpoint, filter: string, count: number) => Promise<{ messages: () => Promise<PeerMessage[]>; stop: () => Promise<void> }>;
type Publish = (at: PeerEndpoint, messages: readonly PeerPublish[]) => Promise<void>;

const PEERS: ReadonlyArray<{ name: string; subscribe: Subscribe; publish: Publish }> = [
  {
    name: 'paho-python',
    publish: pythonPublish,
    subscribe: async (at, filter, count) => {
      const sub = pythonSubscriber(at, filter, 2, count);
      await sub.ready;
      return { messages: () => sub.messages, stop: async () => undefined };
    },
  },
  {
    name: 'mqttjs',
    publish: mqttjsPublish,
    subscribe: async (at, filter, count) => {
      const sub = await mqttjsSubscriber(at, filter, 2);
      return {
        messages: async () => {
          await waitUntil(() => sub.messages.length >= count, 5000, `MQTT.js to get ${count} messages (got ${sub.messages.length})`);
          return sub.messages;
        },
        stop: () => sub.close(),
      };
    },
  },
];

function oursToPeer(peer: (typeof PEERS)[number]): Scenario {
  return {
    id: `peers/ours-to-${peer.name}`,
    applies,
    timeoutMs: 15_000,
    async run(ctx) {
      const base = ctx.topic(`to-${peer.name}`);
      const { retained, live } = fixtures(ctx, base);
      const ours = await ctx.client();
      await ourPublish(ours, retained);
      ctx.defer(() => ours.publish(retained.topic, '', 1, true));
      const sub = await peer.subscribe(endpoint(ctx), `${base}/#`, 1 + live.length);
      ctx.defer(() => sub.stop());
      for (const m of live) await ourPublish(ours, m);
      check(await sub.messages(), [retained, ...live], ctx.v5, peer.name);
    },
  };
}

function peerToOurs(peer: (typeof PEERS)[number]): Scenario {
  return {
    id: `peers/${peer.name}-to-ours`,
    applies,
    timeoutMs: 15_000,
    async run(ctx) {
      const base = ctx.topic(`from-${peer.name}`);
      const { retained, live } = fixtures(ctx, base);
      await peer.publish(endpoint(ctx), [retained]);
      const ours = await ctx.client();
      ctx.defer(() => ours.publish(retained.topic, '', 1, true));
      const inbox = new Inbox(ours);
      await ours.subscribe(`${base}/#`, 2);
      await inbox.waitFor(1, 3000);
      await peer.publish(endpoint(ctx), live);
      check(await inbox.waitFor(1 + live.length, 5000), [retained, ...live], ctx.v5, 'our client');
    },
  };
}

const oursToPahoC: Scenario = {
  id: 'peers/ours-to-paho-c',
  applies,
  timeoutMs: 15_000,
  async run(ctx) {
    const topic = ctx.topic('to-paho-c');
    const ours = await ctx.client();
    await ours.publish(topic, 'retained-text', 1, true);
    ctx.defer(() => ours.publish(topic, '', 1, true));
    const sub = pahoCSubscriber(endpoint(ctx), topic, 2, ctx.clientId('csub'));
    ctx.defer(() => sub.stop());
    // Published before paho_c_sub subscribed: it arrives only if the broker kept it as retained.
    await waitUntil(() => sub.lines().length >= 1, 5000, 'paho_c_sub to print the retained message');
    await ours.publish(topic, 'live-text', 2);
    await waitUntil(() => sub.lines().length >= 2, 5000, 'paho_c_sub to print the live message');
    assertEqual(sub.lines(), ['retained-text', 'live-text'], 'paho_c_sub output');
  },
};

const pahoCToOurs: Scenario = {
  id: 'peers/paho-c-to-ours',
  applies,
  timeoutMs: 15_000,
  async run(ctx) {
    const topic = ctx.topic('from-paho-c');
    const userProperties = ctx.v5 ? [['from', 'paho_c_pub ✓'] as const] : [];
    await pahoCPublish(endpoint(ctx), { topic, payload: BINARY, qos: 2, retain: true, userProperties });
    const ours = await ctx.client();
    ctx.defer(() => ours.publish(topic, '', 1, true));
    const inbox = new Inbox(ours);
    await ours.subscribe(topic, 2);
    const [stored] = await inbox.waitFor(1, 3000, topic);
    assertBytes(stored?.payload, BINARY, 'retained binary payload from paho_c_pub');
    assertEqual([stored?.qos, stored?.retain], [2, true], '[qos, retain]');
    if (ctx.v5) assertEqual(stored?.properties?.userProperties, userProperties, 'user properties from paho_c_pub');
    await pahoCPublish(endpoint(ctx), { topic, payload: bytes('live'), qos: 1, retain: false });
    const [, live] = await inbox.waitFor(2, 3000, topic);
    assertEqual([live?.text(), live?.qos, live?.retain], ['live', 1, false], 'live message [payload, qos, retain]');
  },
};

export const peerScenarios: readonly Scenario[] = [...PEERS.flatMap((p) => [oursToPeer(p), peerToOurs(p)]), oursToPahoC, pahoCToOurs];
