// Persistent sessions (Paho README: clean_session=False keeps subscriptions and queued messages
// while the client is away) and, for MQTT 5, session expiry ending such a session.
import type { Properties } from '@x/mqtt';
import { Inbox } from '../support/inbox.js';
import { sleep } from '../support/wait.js';
import type { Scenario, ScenarioContext } from '../types.js';
import { assertBytes, assertEqual, qosFor } from './common.js';

function durable(ctx: ScenarioContext, expirySeconds: number): { cleanSession: false; properties?: Properties } {
  return { cleanSession: false, ...(ctx.v5 ? { properties: { sessionExpiryInterval: expirySeconds } } : {}) };
}

const offlineQueue: Scenario = {
  id: 'session/offline-queue',
  quick: true,
  async run(ctx) {
    const topic = ctx.topic('q');
    const clientId = ctx.clientId('durable');
    const qos = qosFor(ctx.broker, 2);
    const first = await ctx.client({ clientId, ...durable(ctx, 300) });
    await first.subscribe(topic, qos);
    await first.disconnect();

    const pub = await ctx.client();
    const sent = ['while-away-1', 'while-away-2', 'while-away-3'];
    for (const [i, text] of sent.entries()) await pub.publish(topic, text, i === 1 ? 1 : qos);

    const again = await ctx.client({ clientId, ...durable(ctx, 300), noConnect: true });
    const inbox = new Inbox(again);
    const connack = await again.connect(ctx.broker.host, ctx.broker.port, 30);
    assertEqual(connack.sessionPresent, true, 'CONNACK session present on reconnect');
    const got = await inbox.waitFor(sent.length, 5000, topic);
    sent.forEach((text, i) => assertBytes(got[i]?.payload, text, `queued message ${i}`));
    assertEqual(got.map((m) => m.qos), [qos, 1, qos], 'QoS of queued messages');
  },
};

const sessionExpiry: Scenario = {
  id: 'session/expiry',
  versions: ['5.0'],
  timeoutMs: 12_000,
  async run(ctx) {
    const topic = ctx.topic('e');
    const clientId = ctx.clientId('expiring');
    const first = await ctx.client({ clientId, ...durable(ctx, 1) });
    await first.subscribe(topic, 1);
    await first.disconnect();
    const pub = await ctx.client();
    await pub.publish(topic, 'queued-then-expired', 1);
    await sleep(3000);
    const again = await ctx.client({ clientId, ...durable(ctx, 1), noConnect: true });
    const inbox = new Inbox(again);
    const connack = await again.connect(ctx.broker.host, ctx.broker.port, 30);
    assertEqual(connack.sessionPresent, false, 'session present after the 1 s session expiry passed');
    assertEqual((await inbox.settle(700, topic)).length, 0, 'messages delivered from an expired session');
  },
};

const cleanSessionDiscards: Scenario = {
  id: 'session/clean-start-discards',
  async run(ctx) {
    const topic = ctx.topic('c');
    const clientId = ctx.clientId('cleaned');
    const first = await ctx.client({ clientId, ...durable(ctx, 300) });
    await first.subscribe(topic, 1);
    await first.disconnect();
    const pub = await ctx.client();
    await pub.publish(topic, 'queued-for-old-session', 1);
    const again = await ctx.client({ clientId, cleanSession: true, noConnect: true });
    const inbox = new Inbox(again);
    const connack = await again.connect(ctx.broker.host, ctx.broker.port, 30);
    assertEqual(connack.sessionPresent, false, 'session present with clean session / clean start');
    assertEqual((await inbox.settle(700)).length, 0, 'messages delivered after a clean start');
  },
};

export const sessionScenarios: readonly Scenario[] = [offlineQueue, cleanSessionDiscards, sessionExpiry];
