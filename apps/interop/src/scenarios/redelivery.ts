// Redelivery across a lost connection (Paho README: with clean_session False, QoS > 0 messages
// in flight are resent on reconnect; QoS 2 is delivered exactly once). A proxy forwards a packet
// and then cuts the connection before its acknowledgement gets through; the client reconnects
// by itself (autoReconnect) through the same proxy, and the wire log shows what was resent.
import type { Properties } from '@x/mqtt';
import { Inbox } from '../support/inbox.js';
import { ackId, PACKET, viewPublish, type WireProxy } from '../support/wire-proxy.js';
import { waitUntil, within } from '../support/wait.js';
import type { Scenario, ScenarioContext } from '../types.js';
import { assert, assertEqual, needsQos } from './common.js';

/** Cuts the connection on the first packet of `type` going `dir`; later ones pass. */
function cutOnFirst(proxy: WireProxy, type: number, dir: 'up' | 'down'): void {
  let done = false;
  proxy.rule = (p) => {
    if (done || p.type !== type || p.dir !== dir) return 'forward';
    done = true;
    return 'cut';
  };
}

function durable(ctx: ScenarioContext): { cleanSession: false; autoReconnect: true; properties?: Properties } {
  return { cleanSession: false, autoReconnect: true, ...(ctx.v5 ? { properties: { sessionExpiryInterval: 60 } } : {}) };
}

/** The Session Present flag of the CONNACK on connection `conn`. */
function sessionPresent(proxy: WireProxy, conn: number): boolean | undefined {
  const connack = proxy.of(PACKET.CONNACK, 'down').find((p) => p.conn === conn);
  return connack === undefined ? undefined : ((connack.body[0] ?? 0) & 1) === 1;
}

function outbound(qos: 1 | 2, cutOn: 'ack' | 'pubcomp'): Scenario {
  const id = cutOn === 'pubcomp' ? 'redelivery/outbound-pubrel-resent' : `redelivery/outbound-qos${qos}-resent-dup`;
  return {
    id,
    applies: needsQos(qos),
    timeoutMs: 12_000,
    async run(ctx) {
      const topic = ctx.topic('out');
      const watcher = await ctx.client();
      const inbox = new Inbox(watcher);
      await watcher.subscribe(topic, qos);
      const proxy = await ctx.proxy();
      cutOnFirst(proxy, cutOn === 'pubcomp' ? PACKET.PUBCOMP : qos === 1 ? PACKET.PUBACK : PACKET.PUBREC, 'down');
      const client = await ctx.client({ port: proxy.port, ...durable(ctx) });
      await within(client.publish(topic, 'exactly-this', qos), 9000, `publish completion after the reconnect (connections: ${proxy.connections})`);
      assert(proxy.connections >= 2, 'the client did not reconnect');
      await inbox.waitFor(1, 3000, topic);
      const copies = (await inbox.settle(700, topic)).length;

      const present = sessionPresent(proxy, 1);
      const publishes = proxy.of(PACKET.PUBLISH, 'up').map((p) => ({ conn: p.conn, ...viewPublish(p, ctx.v5) }));
      const problems: string[] = [];
      const [first, again] = publishes;
      if (cutOn === 'pubcomp') {
        // PUBREC arrived: the broker owns the message; only PUBREL may follow [MQTT-4.3.3], [MQTT-4.4.0-1].
        if (publishes.length !== 1) problems.push(`PUBLISH sent ${publishes.length} times although PUBREC had been received (resend: packet id ${again?.packetId} vs ${first?.packetId}, DUP ${again?.dup ? 1 : 0})`);
        if (!proxy.of(PACKET.PUBREL, 'up').some((p) => p.conn > 0 && ackId(p) === first?.packetId)) problems.push(`no PUBREL for packet id ${first?.packetId} on the new connection`);
      } else if (again === undefined || again.conn === 0) {
        problems.push(`PUBLISH not resent on the new connection (sent ${publishes.length})`);
      } else if (!ctx.v5 || present === true) {
        // 3.1.1: resend with the original packet id whatever Session Present says [MQTT-4.4.0-1], DUP set [MQTT-3.3.1-1].
        if (again.packetId !== first?.packetId || !again.dup) problems.push(`resent with packet id ${again.packetId} (original ${first?.packetId}) and DUP ${again.dup ? 1 : 0}: [MQTT-4.4.0-1] asks for the original packet id, [MQTT-3.3.1-1] for DUP 1`);
      }
      if (qos === 2 && copies !== 1) problems.push(`the subscriber received ${copies} copies at QoS 2`);
      const context = `reconnect CONNACK session present ${present === undefined ? '?' : present ? 1 : 0}`;
      if (problems.length > 0) throw new Error(`${problems.join('; ')} (${context})`);
      ctx.note(`${context}; subscriber received ${copies} cop${copies === 1 ? 'y' : 'ies'}`);
    },
  };
}

function inbound(qos: 1 | 2): Scenario {
  return {
    id: `redelivery/inbound-qos${qos}`,
    applies: needsQos(qos),
    timeoutMs: 12_000,
    async run(ctx) {
      const topic = ctx.topic('in');
      const proxy = await ctx.proxy();
      cutOnFirst(proxy, qos === 1 ? PACKET.PUBACK : PACKET.PUBREC, 'up');
      const client = await ctx.client({ port: proxy.port, clientId: ctx.clientId('inbound'), ...durable(ctx) });
      const inbox = new Inbox(client);
      await client.subscribe(topic, qos);
      const pub = await ctx.client();
      await pub.publish(topic, 'deliver-once', qos);
      await waitUntil(() => proxy.connections >= 2 && client.isConnected(), 6000, 'the reconnect');
      await waitUntil(() => proxy.of(qos === 1 ? PACKET.PUBACK : PACKET.PUBCOMP, 'up').some((p) => p.conn > 0), 5000, `the ${qos === 1 ? 'PUBACK' : 'PUBCOMP'} on the new connection`);
      const sent = proxy.of(PACKET.PUBLISH, 'down').map((p) => ({ conn: p.conn, ...viewPublish(p, ctx.v5) })).filter((p) => p.topic === topic || p.topic === '');
      const resent = sent.filter((p) => p.conn > 0);
      const got = await inbox.settle(500, topic);
      if (qos === 2) {
        assertEqual(got.length, 1, 'copies delivered to the application at QoS 2');
        ctx.note(resent.length > 0 ? `broker resent the PUBLISH (DUP ${resent[0]?.dup ? 1 : 0}); delivered once` : 'broker resent PUBREL only; delivered once');
      } else {
        assert(got.length >= 1, 'message not delivered');
        assert(resent.length > 0, 'broker did not resend the unacknowledged QoS 1 PUBLISH');
        assertEqual(got.map((m) => m.dup), sent.map((p) => p.dup), 'dup flags the application saw vs the wire');
        const brokerDup = resent[0]?.dup === true ? '' : ' (the broker resent without DUP, contrary to [MQTT-3.3.1-1])';
        ctx.note(`delivered ${got.length} time(s) with dup=${got.map((m) => (m.dup ? 1 : 0)).join(',')} (QoS 1: at least once)${brokerDup}`);
      }
    },
  };
}

export const redeliveryScenarios: readonly Scenario[] = [outbound(1, 'ack'), outbound(2, 'ack'), outbound(2, 'pubcomp'), inbound(1), inbound(2)];
