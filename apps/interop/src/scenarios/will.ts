// The will (Paho README will_set(): published by the broker if the client disconnects without
// calling disconnect()): sent when the socket dies, not after a clean disconnect; for MQTT 5,
// also after DISCONNECT with reason 0x04 (Disconnect with Will Message), properties intact.
import type { Socket } from 'node:net';
import type { Properties } from '@x/mqtt';
import { Inbox } from '../support/inbox.js';
import type { Scenario, ScenarioContext } from '../types.js';
import { assert, assertBytes, assertEqual, BINARY } from './common.js';

const WILL_PROPERTIES: Properties = { userProperties: [['why', 'connection lost'], ['who', 'interop']], contentType: 'application/octet-stream' };

async function setUp(ctx: ScenarioContext): Promise<{ topic: string; inbox: Inbox; willing: Awaited<ReturnType<ScenarioContext['client']>> }> {
  const topic = ctx.topic('will');
  const watcher = await ctx.client();
  const inbox = new Inbox(watcher);
  await watcher.subscribe(topic, 1);
  const willing = await ctx.client({ will: { topic, payload: BINARY, qos: 1, retain: false, ...(ctx.v5 ? { properties: WILL_PROPERTIES } : {}) } });
  return { topic, inbox, willing };
}

const onAbnormal: Scenario = {
  id: 'will/sent-on-socket-loss',
  versions: ['3.1', '3.1.1', '5.0'],
  quick: true,
  async run(ctx) {
    const { topic, inbox, willing } = await setUp(ctx);
    const socket = willing.socket() as Socket | undefined;
    assert(socket !== undefined, 'client.socket() returned no socket');
    socket.destroy();
    const [will] = await inbox.waitFor(1, 5000, topic);
    assertBytes(will?.payload, BINARY, 'will payload');
    assertEqual(will?.qos, 1, 'will QoS');
    if (ctx.v5) {
      assertEqual(will?.properties?.userProperties, WILL_PROPERTIES.userProperties, 'will user properties');
      assertEqual(will?.properties?.contentType, WILL_PROPERTIES.contentType, 'will content type');
    }
  },
};

const notOnClean: Scenario = {
  id: 'will/not-sent-on-disconnect',
  versions: ['3.1', '3.1.1', '5.0'],
  async run(ctx) {
    const { topic, inbox, willing } = await setUp(ctx);
    await willing.disconnect();
    assertEqual((await inbox.settle(1200, topic)).length, 0, 'will messages after a clean disconnect()');
  },
};

const onReason4: Scenario = {
  id: 'will/sent-on-disconnect-0x04',
  versions: ['5.0'],
  async run(ctx) {
    const { topic, inbox, willing } = await setUp(ctx);
    await willing.disconnect(0x04);
    const [will] = await inbox.waitFor(1, 5000, topic);
    assertBytes(will?.payload, BINARY, 'will payload');
  },
};

export const willScenarios: readonly Scenario[] = [onAbnormal, notOnClean, onReason4];
