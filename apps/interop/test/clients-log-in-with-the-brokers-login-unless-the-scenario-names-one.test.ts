// A broker that admits no anonymous client (ejabberd) names a `login` in its capabilities: every
// client a scenario makes logs in with it, unless the scenario gives its own user name. Read off the
// wire (the CONNECT through the proxy), against aedes in process.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { aedes } from '../src/brokers/aedes.js';
import { runOne } from '../src/runner.js';
import { PACKET, type WirePacket } from '../src/support/wire-proxy.js';
import type { BrokerHandle, Scenario } from '../src/types.js';

let broker: BrokerHandle | undefined;
beforeAll(async () => {
  broker = await aedes.start();
});
afterAll(async () => {
  await broker?.stop();
});

/** The user name of a 3.1.1 CONNECT without a will, or undefined when its flag is clear. */
function username(connect: WirePacket): string | undefined {
  const b = connect.body;
  if ((b[7]! & 0x80) === 0) return undefined;
  const clientIdLength = b.readUInt16BE(10);
  const at = 12 + clientIdLength;
  return b.subarray(at + 2, at + 2 + b.readUInt16BE(at)).toString('utf8');
}

test('clients log in with caps.login by default and with the scenario user name when it names one', async () => {
  if (broker === undefined) throw new Error('aedes did not start');
  const withLogin: BrokerHandle = { ...broker, caps: { ...broker.caps, login: { username: 'interop', password: 'secret' } } };
  const seen: Array<string | undefined> = [];
  const scenario: Scenario = {
    id: 'harness/login',
    async run(ctx) {
      const proxy = await ctx.proxy();
      await ctx.client({ port: proxy.port });
      await ctx.client({ port: proxy.port, username: 'interop', password: 'secret' });
      for (const connect of proxy.of(PACKET.CONNECT, 'up')) seen.push(username(connect));
    },
  };
  const row = await runOne(withLogin, scenario, '3.1.1');
  expect(row.outcome, row.detail).toBe('PASS');
  expect(seen).toEqual(['interop', 'interop']);

  seen.length = 0;
  const anonymous: Scenario = {
    ...scenario,
    async run(ctx) {
      const proxy = await ctx.proxy();
      await ctx.client({ port: proxy.port });
      for (const connect of proxy.of(PACKET.CONNECT, 'up')) seen.push(username(connect));
    },
  };
  expect((await runOne(broker, anonymous, '3.1.1')).outcome).toBe('PASS');
  expect(seen).toEqual([undefined]);
});
