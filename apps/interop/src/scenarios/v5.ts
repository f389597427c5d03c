// MQTT 5 features end to end: user properties (order and repeats kept), request/response
// (response topic + binary correlation data), topic aliases (checked on the wire), receive
// maximum (both directions), shared subscriptions and subscription options.
import type { Properties, UserProperty } from '@x/mqtt';
import { Inbox } from '../support/inbox.js';
import { connectProperties, PACKET, viewPublish, type WireProxy } from '../support/wire-proxy.js';
import { waitUntil } from '../support/wait.js';
import type { Scenario } from '../types.js';
import { assert, assertBytes, assertEqual, BINARY } from './common.js';

const V5: readonly ['5.0'] = ['5.0'];

const userProperties: Scenario = {
  id: 'v5/user-properties',
  versions: V5,
  quick: true,
  async run(ctx) {
    const topic = ctx.topic('up');
    const sub = await ctx.client();
    const inbox = new Inbox(sub);
    await sub.subscribe(topic, 1);
    const pub = await ctx.client();
    const sent: UserProperty[] = [['k', 'v1'], ['k', 'v2'], ['ünïcødé', '✓ ok'], ['empty', '']];
    const properties: Properties = { userProperties: sent, contentType: 'application/x-interop', payloadFormatIndicator: 0, messageExpiryInterval: 120 };
    await pub.publish(topic, BINARY, 1, false, properties);
    const [m] = await inbox.waitFor(1, 3000, topic);
    assertBytes(m?.payload, BINARY, 'payload');
    // [MQTT-3.3.2-18]: user properties forwarded unaltered, in order.
    assertEqual(m?.properties?.userProperties, sent, 'user properties');
    assertEqual(m?.properties?.contentType, properties.contentType, 'content type');
    const expiry = m?.properties?.messageExpiryInterval ?? 0;
    assert(expiry > 0 && expiry <= 120, `message expiry interval ${expiry} (expected 1..120)`);
  },
};

const requestResponse: Scenario = {
  id: 'v5/request-response',
  versions: V5,
  quick: true,
  async run(ctx) {
    const requests = ctx.topic('req');
    const responses = ctx.topic('resp');
    const responder = await ctx.client();
    responder.messageCallbackAdd(requests, (client, _u, m) => {
      const to = m.properties?.responseTopic;
      if (to === undefined) return;
      client.publish(to, `re:${m.text()}`, 1, false, { ...(m.properties?.correlationData ? { correlationData: m.properties.correlationData } : {}) });
    });
    await responder.subscribe(requests, 1);
    const requester = await ctx.client();
    const inbox = new Inbox(requester);
    await requester.subscribe(responses, 1);
    const ids = [Uint8Array.of(0), Uint8Array.of(0xff, 0x00, 0x7f), BINARY.subarray(0, 64)];
    for (const [i, id] of ids.entries()) await requester.publish(requests, `q${i}`, 1, false, { responseTopic: responses, correlationData: id });
    const got = await inbox.waitFor(ids.length, 4000, responses);
    for (const [i, id] of ids.entries()) {
      const reply = got.find((m) => m.text() === `re:q${i}`);
      assert(reply !== undefined, `no reply to request ${i}`);
      assertBytes(reply.properties?.correlationData, id, `correlation data of reply ${i}`);
    }
  },
};

const topicAliases: Scenario = {
  id: 'v5/topic-aliases',
  versions: V5,
  async run(ctx) {
    const topic = ctx.topic('alias/a-rather-long-topic-name-worth-aliasing');
    const sub = await ctx.client();
    const inbox = new Inbox(sub);
    await sub.subscribe(topic, 1);
    const proxy = await ctx.proxy();
    const pub = await ctx.client({ port: proxy.port, noConnect: true });
    const connack = await pub.connect(ctx.broker.host, proxy.port, 30);
    const brokerMax = connack.properties?.topicAliasMaximum ?? 0;
    assert(brokerMax > 0, `${ctx.broker.name} allows no topic aliases (CONNACK Topic Alias Maximum ${brokerMax})`);
    for (let i = 0; i < 3; i++) await pub.publish(topic, `m${i}`, 1);
    const wire = proxy.of(PACKET.PUBLISH, 'up').map((p) => viewPublish(p, true));
    assertEqual(wire.map((p) => [p.topic === '' ? '' : 'full', p.topicAlias !== undefined]), [['full', true], ['', true], ['', true]], 'PUBLISH on the wire [topic, has alias]');
    const alias = wire[0]?.topicAlias ?? 0;
    assert(alias >= 1 && alias <= brokerMax, `alias ${alias} outside 1..${brokerMax}`);
    assertEqual(new Set(wire.map((p) => p.topicAlias)).size, 1, 'one alias for one topic');
    const got = await inbox.waitFor(3, 3000, topic);
    assertEqual(got.map((m) => m.text()), ['m0', 'm1', 'm2'], 'messages the subscriber got under the full topic name');
    ctx.note(`broker Topic Alias Maximum ${brokerMax}; alias ${alias} used`);
  },
};

/** Largest number of QoS>0 PUBLISH sent `dir` on one connection and not yet acknowledged, from the wire log. */
function maxInFlight(proxy: WireProxy, dir: 'up' | 'down', v5: boolean): number {
  const open = new Map<number, Set<number>>();
  let max = 0;
  const ackDir = dir === 'up' ? 'down' : 'up';
  for (const p of proxy.packets) {
    const ids = open.get(p.conn) ?? new Set<number>();
    open.set(p.conn, ids);
    if (p.dir === dir && p.type === PACKET.PUBLISH) {
      const id = viewPublish(p, v5).packetId;
      if (id !== undefined) ids.add(id);
      max = Math.max(max, ids.size);
    } else if (p.dir === ackDir && (p.type === PACKET.PUBACK || p.type === PACKET.PUBCOMP)) {
      ids.delete(p.body.readUInt16BE(0));
    }
  }
  return max;
}

const receiveMaximum: Scenario = {
  id: 'v5/receive-maximum',
  versions: V5,
  async run(ctx) {
    const topic = ctx.topic('rm');
    const proxy = await ctx.proxy();
    // Inbound: we announce 2 in CONNECT; a QoS 1 burst must still arrive whole and in order.
    const sub = await ctx.client({ port: proxy.port, properties: { receiveMaximum: 2 } });
    const inbox = new Inbox(sub);
    await sub.subscribe(topic, 1);
    const connect = proxy.of(PACKET.CONNECT, 'up')[0];
    assert(connect !== undefined, 'no CONNECT on the wire');
    assertEqual(connectProperties(connect).get(0x21), 2, 'Receive Maximum in our CONNECT');
    const pub = await ctx.client({ port: proxy.port, noConnect: true });
    const connack = await pub.connect(ctx.broker.host, proxy.port, 30);
    const count = 30;
    await Promise.all(Array.from({ length: count }, (_, i) => pub.publish(topic, `n${i}`, 1)));
    const got = await inbox.waitFor(count, 5000, topic);
    assertEqual(got.map((m) => m.text()), Array.from({ length: count }, (_, i) => `n${i}`), 'messages in order');
    // Outbound: we must respect the broker's Receive Maximum (65535 when absent) [MQTT-3.3.4-7].
    const brokerMax = connack.properties?.receiveMaximum ?? 65535;
    const outbound = maxInFlight(proxy, 'up', true);
    assert(outbound <= brokerMax, `client had ${outbound} QoS 1 messages in flight; the broker's Receive Maximum is ${brokerMax}`);
    const inbound = maxInFlight(proxy, 'down', true);
    const brokerNote = inbound > 2 ? ` (the broker exceeded our Receive Maximum 2, contrary to [MQTT-3.3.4-9]: a broker deviation)` : '';
    ctx.note(`broker had up to ${inbound} QoS 1 in flight to us${brokerNote}; we had up to ${outbound} to it (its limit ${brokerMax})`);
  },
};

const sharedSubscriptions: Scenario = {
  id: 'v5/shared-subscriptions',
  versions: V5,
  applies: (broker) => (broker.caps.sharedSubscriptions ? undefined : `${broker.name} has no shared subscriptions`),
  async run(ctx) {
    const topic = ctx.topic('shared');
    const filter = `$share/interop/${topic}`;
    const members = [await ctx.client(), await ctx.client()];
    const boxes = members.map((m) => new Inbox(m));
    for (const m of members) assertEqual((await m.subscribe(filter, 1)).reasonCodes, [1], 'SUBACK for the shared filter');
    const plain = await ctx.client();
    const plainBox = new Inbox(plain);
    await plain.subscribe(topic, 1);
    const pub = await ctx.client();
    const count = 20;
    for (let i = 0; i < count; i++) await pub.publish(topic, `s${i}`, 1);
    await plainBox.waitFor(count, 4000, topic);
    await waitUntil(() => boxes.reduce((n, b) => n + b.messages.length, 0) >= count, 4000, 'the group to receive every message');
    const perMember = boxes.map((b) => b.messages.map((m) => m.text()));
    const all = perMember.flat().sort();
    assertEqual(all, Array.from({ length: count }, (_, i) => `s${i}`).sort(), 'messages across the group (each exactly once)');
    assert(perMember.every((list) => list.length > 0), `one member got nothing: ${perMember.map((l) => l.length).join(' / ')}`);
    ctx.note(`split ${perMember.map((l) => l.length).join(' / ')}`);
  },
};

const subscriptionOptions: Scenario = {
  id: 'v5/subscription-options',
  versions: V5,
  async run(ctx) {
    const topic = ctx.topic('opts');
    const self = await ctx.client();
    const selfBox = new Inbox(self);
    await self.subscribe([{ topicFilter: topic, qos: 1, noLocal: true }]);
    const other = await ctx.client();
    await self.publish(topic, 'own', 1);
    await other.publish(topic, 'theirs', 1);
    await selfBox.waitFor(1, 3000, topic);
    assertEqual((await selfBox.settle(400, topic)).map((m) => m.text()), ['theirs'], 'noLocal: messages received');

    const retained = ctx.topic('opts-retained');
    await other.publish(retained, 'kept', 1, true);
    const asPublished = await ctx.client();
    const asBox = new Inbox(asPublished);
    await asPublished.subscribe([{ topicFilter: retained, qos: 1, retainAsPublished: true, retainHandling: 2 }]);
    assertEqual((await asBox.settle(400, retained)).length, 0, 'retainHandling 2: retained messages sent on subscribe');
    await other.publish(retained, 'live', 1, true);
    const [live] = await asBox.waitFor(1, 3000, retained);
    assertEqual([live?.text(), live?.retain], ['live', true], 'retainAsPublished: [payload, retain flag] of a live retained message');
    await other.publish(retained, '', 1, true);
  },
};

export const v5Scenarios: readonly Scenario[] = [userProperties, requestResponse, topicAliases, receiveMaximum, sharedSubscriptions, subscriptionOptions];
