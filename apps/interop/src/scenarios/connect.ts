// Connecting: a clean start reports no session; a wrong password is refused with the typed
// CONNECTION_REFUSED error, and onConnect receives the CONNACK code the broker actually sent (read
// off the wire through a proxy) as Paho's on_connect does.
import { isMqttError, type Client } from '@x/mqtt';
import { PACKET } from '../support/wire-proxy.js';
import type { Scenario } from '../types.js';
import { assert, assertEqual } from './common.js';

/** MQTT 5 §3.2.2.3 / 3.1.1 §3.2.2.3: the v5 reason code a v3 return code corresponds to. */
const V5_FOR_V3: Readonly<Record<number, number>> = { 1: 0x84, 2: 0x85, 3: 0x88, 4: 0x86, 5: 0x87 };

const cleanStart: Scenario = {
  id: 'connect/clean-start',
  versions: ['3.1', '3.1.1', '5.0'],
  quick: true,
  async run(ctx) {
    const client = await ctx.client({ noConnect: true });
    const calls: number[] = [];
    client.onConnect = (_c, _u, _flags, rc) => void calls.push(rc);
    const connack = await client.connect(ctx.broker.host, ctx.broker.port, 30);
    assertEqual([connack.reasonCode, connack.sessionPresent], [0, false], 'CONNACK [code, session present]');
    assertEqual(calls, [0], 'onConnect rc');
    assert(client.isConnected(), 'isConnected() after connect');
  },
};

const badPassword: Scenario = {
  id: 'connect/bad-password-refused',
  versions: ['3.1', '3.1.1', '5.0'],
  quick: true,
  applies: (broker) => (broker.caps.credentials === undefined ? `${broker.name} is set up without users` : undefined),
  async run(ctx) {
    const credentials = ctx.broker.caps.credentials;
    assert(credentials !== undefined, 'no credentials');
    const good = await ctx.client({ username: credentials.username, password: credentials.password });
    assert(good.isConnected(), 'valid credentials rejected');
    const proxy = await ctx.proxy();
    const bad: Client = await ctx.client({ username: credentials.username, password: `${credentials.password}-wrong`, noConnect: true });
    const calls: number[] = [];
    bad.onConnect = (_c, _u, _flags, rc) => void calls.push(rc);
    let rejection: unknown;
    await bad.connect(ctx.broker.host, proxy.port, 30).then(
      () => undefined,
      (error: unknown) => void (rejection = error),
    );
    assert(rejection !== undefined, 'connect() with a wrong password resolved');
    assert(isMqttError(rejection), `connect() rejected with a non-MqttError: ${String(rejection)}`);
    const connack = proxy.of(PACKET.CONNACK, 'down')[0];
    assert(connack !== undefined, 'no CONNACK on the wire');
    const sent = connack.body[1] ?? -1;
    const documented = ctx.v5 ? ctx.broker.caps.badPassword.v5 : ctx.broker.caps.badPassword.v3;
    assertEqual(sent, documented, `CONNACK code ${ctx.broker.name} sent for a wrong password`);
    assertEqual(calls, [sent], 'onConnect rc (the CONNACK code as sent)');
    const v5Code = ctx.v5 ? sent : V5_FOR_V3[sent];
    assertEqual([rejection.code, rejection.reasonCode], ['CONNECTION_REFUSED', v5Code], 'rejection [code, reasonCode (the MQTT 5 code)]');
    assert(!bad.isConnected(), 'isConnected() after a refusal');
    ctx.note(`CONNACK ${sent === 0x86 || sent === 4 ? 'bad user name or password' : 'not authorized'} (0x${sent.toString(16)}); error.reasonCode 0x${(rejection.reasonCode ?? 0).toString(16)}`);
  },
};

export const connectScenarios: readonly Scenario[] = [cleanStart, badPassword];
