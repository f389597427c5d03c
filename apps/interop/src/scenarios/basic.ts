// Connect, subscribe, publish and receive at QoS 0, 1 and 2; retained messages set, received on
// subscribe and cleared with an empty retained message (Paho README: publish(), retain).
import { Inbox } from '../support/inbox.js';
import type { Scenario } from '../types.js';
import { assert, assertBytes, assertEqual, BINARY, needsQos } from './common.js';

function roundTrip(qos: 0 | 1 | 2): Scenario {
  return {
    id: `basic/qos${qos}`,
    versions: ['3.1', '3.1.1', '5.0'],
    quick: true,
    applies: needsQos(qos),
    async run(ctx) {
      const topic = ctx.topic('t');
      const sub = await ctx.client();
      const inbox = new Inbox(sub);
      const granted = await sub.subscribe(topic, qos);
      assertEqual(granted.reasonCodes, [qos], 'SUBACK granted QoS');
      const pub = await ctx.client();
      const payloads: Array<Uint8Array | string> = [BINARY, 'héllo wörld', ''];
      for (const payload of payloads) await pub.publish(topic, payload, qos);
      const got = await inbox.waitFor(payloads.length, 5000, topic);
      payloads.forEach((payload, i) => {
        const m = got[i];
        assert(m !== undefined, `message ${i} missing`);
        assertBytes(m.payload, payload, `payload ${i}`);
        assertEqual([m.qos, m.retain, m.dup], [qos, false, false], `message ${i} [qos, retain, dup]`);
      });
    },
  };
}

const retained: Scenario = {
  id: 'retained/set-receive-clear',
  versions: ['3.1', '3.1.1', '5.0'],
  quick: true,
  async run(ctx) {
    const topic = ctx.topic('state');
    const live = await ctx.client();
    const liveBox = new Inbox(live);
    await live.subscribe(topic, 1);
    const pub = await ctx.client();
    await pub.publish(topic, BINARY, 1, true);
    const [toLive] = await liveBox.waitFor(1, 3000, topic);
    // [MQTT-3.3.1-9]: to an existing subscription the RETAIN flag is 0.
    assertEqual(toLive?.retain, false, 'retain flag to an existing subscription');

    const late = await ctx.client();
    const lateBox = new Inbox(late);
    await late.subscribe(topic, 1);
    const [stored] = await lateBox.waitFor(1, 3000, topic);
    assertBytes(stored?.payload, BINARY, 'retained payload');
    assertEqual(stored?.retain, true, 'retain flag on a new subscription');

    await pub.publish(topic, '', 1, true);
    const after = await ctx.client();
    const afterBox = new Inbox(after);
    await after.subscribe(topic, 1);
    const leftover = await afterBox.settle(800, topic);
    assertEqual(leftover.length, 0, 'retained messages after clearing with an empty payload');
  },
};

export const basicScenarios: readonly Scenario[] = [roundTrip(0), roundTrip(1), roundTrip(2), retained];
