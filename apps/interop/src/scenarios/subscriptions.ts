// Subscription semantics: overlapping filters (one copy per subscription or per client, as the
// broker documents), `#` never matching `$`-topics [MQTT-4.7.2-1], unsubscribe stopping delivery,
// and a refused filter reported per filter in the SUBACK as the broker sent it (0x80; v5 0x87 Not
// authorized, or the code the broker was observed to use).
import { Inbox } from '../support/inbox.js';
import { PACKET, subackCodes, viewPublish } from '../support/wire-proxy.js';
import type { Scenario } from '../types.js';
import { assert, assertEqual, qosFor } from './common.js';

const overlapping: Scenario = {
  id: 'subs/overlapping',
  async run(ctx) {
    const base = ctx.topic('ov');
    const proxy = await ctx.proxy();
    const sub = await ctx.client({ port: proxy.port });
    const inbox = new Inbox(sub);
    const qos = qosFor(ctx.broker, 1);
    const granted = await sub.subscribe([[`${base}/#`, qos], [`${base}/+/x`, 0]]);
    assertEqual(granted.reasonCodes, [qos, 0], 'SUBACK for two overlapping filters');
    const pub = await ctx.client();
    await pub.publish(`${base}/a/x`, 'overlap', qos);
    await inbox.waitFor(1, 3000);
    const got = await inbox.settle(700);
    const onWire = proxy.of(PACKET.PUBLISH, 'down').length;
    assertEqual(got.length, onWire, 'messages delivered to the application vs PUBLISH packets the broker sent');
    const mode = ctx.broker.caps.overlap[ctx.version];
    const expected = mode === 'per-subscription' ? 2 : 1;
    assertEqual(got.length, expected, `copies delivered (${ctx.broker.name} ${ctx.version} delivers ${mode})`);
    const wireQos = proxy.of(PACKET.PUBLISH, 'down').map((p) => viewPublish(p, ctx.v5).qos);
    assertEqual(got.map((m) => m.qos), wireQos, 'QoS delivered to the application vs QoS on the wire');
    if (expected === 1 && wireQos[0] !== qos) ctx.note(`the single copy came at QoS ${wireQos[0]}, not the maximum of the matching subscriptions (${qos}) that [MQTT-3.3.5-1] asks for: a broker choice`);
  },
};

const dollarTopics: Scenario = {
  id: 'subs/dollar-topics',
  applies: (broker) => (broker.caps.dollar === undefined ? `${broker.name} has no $-topics` : undefined),
  async run(ctx) {
    const source = ctx.broker.caps.dollar;
    assert(source !== undefined, 'no $-topic source');
    const all = await ctx.client();
    const allBox = new Inbox(all);
    await all.subscribe('#', 0);
    const dollar = await ctx.client();
    const dollarBox = new Inbox(dollar);
    await dollar.subscribe(source.kind === 'sys' ? source.filter : source.topic, 0);
    if (source.kind === 'publish') {
      const pub = await ctx.client();
      await pub.publish(source.topic, 'dollar', 1);
    }
    await dollarBox.waitFor(1, 4000);
    await allBox.settle(300);
    const leaked = allBox.messages.filter((m) => m.topic.startsWith('$'));
    assertEqual(leaked.map((m) => m.topic), [], 'topics starting with $ delivered to a "#" subscription');
    ctx.note(`"$" subscriber got ${dollarBox.messages.length} message(s), e.g. ${dollarBox.messages[0]?.topic}`);
  },
};

const unsubscribe: Scenario = {
  id: 'subs/unsubscribe-stops-delivery',
  quick: true,
  async run(ctx) {
    const topic = ctx.topic('u');
    const sub = await ctx.client();
    const inbox = new Inbox(sub);
    await sub.subscribe(topic, 1);
    const pub = await ctx.client();
    await pub.publish(topic, 'before', 1);
    await inbox.waitFor(1, 3000, topic);
    const result = await sub.unsubscribe(topic);
    if (ctx.v5) assertEqual(result.reasonCodes, [0], 'UNSUBACK reason codes');
    await pub.publish(topic, 'after', 1);
    const got = await inbox.settle(800, topic);
    assertEqual(got.map((m) => m.text()), ['before'], 'messages received (the one after unsubscribe must not arrive)');
  },
};

const refusedFilter: Scenario = {
  id: 'subs/failure-per-filter',
  applies: (broker) => (broker.caps.deniedFilter === undefined ? `no ACL configured on ${broker.name}` : undefined),
  async run(ctx) {
    const ok = ctx.topic('allowed');
    const denied = `denied/${ctx.topic('x')}`;
    const proxy = await ctx.proxy();
    const sub = await ctx.client({ port: proxy.port });
    const inbox = new Inbox(sub);
    const qos = qosFor(ctx.broker, 1);
    const result = await sub.subscribe([[ok, qos], [denied, qos]]).then(
      (r) => r,
      (error: unknown) => {
        const suback = proxy.of(PACKET.SUBACK, 'down').length > 0 ? 'a SUBACK was on the wire' : 'no SUBACK on the wire';
        throw new Error(`subscribe rejected (${String(error)}); ${suback}; connection ${sub.isConnected() ? 'open' : 'closed'}`);
      },
    );
    assertEqual(result.reasonCodes, [qos, ctx.v5 ? (ctx.broker.caps.subscribeDeniedV5 ?? 0x87) : 0x80], 'SUBACK codes [allowed, denied]');
    const wire = proxy.of(PACKET.SUBACK, 'down')[0];
    assertEqual(wire === undefined ? [] : subackCodes(wire, ctx.v5), result.reasonCodes, 'SUBACK codes reported vs on the wire');
    assert(sub.isConnected(), 'connection closed after a refused filter');
    const pub = await ctx.client();
    await pub.publish(ok, 'still-works', qos);
    await inbox.waitFor(1, 3000, ok);
  },
};

export const subscriptionScenarios: readonly Scenario[] = [overlapping, dollarTopics, unsubscribe, refusedFilter];
