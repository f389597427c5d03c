// Keepalive (Paho README connect(): "maximum period in seconds allowed between communications
// with the broker"): with keepalive 2 s, a link that stops answering is detected and reported to
// onDisconnect with MQTT_ERR_KEEPALIVE. Two ways to stop answering: a proxy that stops
// forwarding the broker's answers (any broker), and SIGSTOP on the broker process we started (mosquitto, NATS).
// Timing: the client sends PINGREQ `keepalive` after its last packet and gives up `keepalive`
// after an unanswered PINGREQ (as Paho does), so detection takes up to 2 x keepalive after the
// last exchange; the unanswered-PINGREQ-to-disconnect part is asserted within 1.5 x keepalive.
import { MQTT_ERR_KEEPALIVE, type Client } from '@x/mqtt';
import { PACKET, type WireProxy } from '../support/wire-proxy.js';
import { waitUntil } from '../support/wait.js';
import type { Scenario } from '../types.js';
import { assert, assertEqual } from './common.js';

const KEEPALIVE_S = 2;
const SLACK_MS = 400;

interface Seen {
  /** When onDisconnect ran, and its rc. */
  at: number | undefined;
  rc: number | undefined;
  /** When the client logged that it gave up on the PINGREQ. */
  timeoutLoggedAt: number | undefined;
}

function watchDisconnect(client: Client): Seen {
  const seen: Seen = { at: undefined, rc: undefined, timeoutLoggedAt: undefined };
  client.onDisconnect = (_c, _u, rc) => {
    seen.at ??= Date.now();
    seen.rc ??= rc;
  };
  client.onLog = (_c, _u, _level, line) => {
    if (line.includes('KEEPALIVE_TIMEOUT')) seen.timeoutLoggedAt ??= Date.now();
  };
  return seen;
}

/** Checks the disconnect came in time after the freeze and (with a proxy) after the unanswered PINGREQ. */
function checkTiming(proxy: WireProxy | undefined, frozenAt: number, seen: Seen): string {
  const disconnectedAt = seen.at ?? 0;
  const total = disconnectedAt - frozenAt;
  const logged = seen.timeoutLoggedAt === undefined ? 'never logged KEEPALIVE_TIMEOUT' : `logged KEEPALIVE_TIMEOUT ${seen.timeoutLoggedAt - frozenAt} ms after the freeze`;
  assert(total <= 2 * KEEPALIVE_S * 1000 + SLACK_MS, `onDisconnect ${total} ms after the link froze (limit 2 x keepalive + ${SLACK_MS} ms); the client ${logged}`);
  assert(total >= KEEPALIVE_S * 1000 - SLACK_MS, `disconnect only ${total} ms after the link froze: sooner than one keepalive`);
  if (proxy === undefined) return `detected ${total} ms after SIGSTOP`;
  const ping = proxy.of(PACKET.PINGREQ, 'up').filter((p) => p.at >= frozenAt).at(-1);
  assert(ping !== undefined, 'no PINGREQ sent after the link froze');
  const afterPing = disconnectedAt - ping.at;
  assert(afterPing <= 1.5 * KEEPALIVE_S * 1000, `disconnect ${afterPing} ms after the unanswered PINGREQ (limit 1.5 x keepalive)`);
  return `detected ${total} ms after the freeze, ${afterPing} ms after the unanswered PINGREQ`;
}

const proxyFreeze: Scenario = {
  id: 'keepalive/link-stops-answering',
  versions: ['3.1', '3.1.1', '5.0'],
  timeoutMs: 15_000,
  async run(ctx) {
    const proxy = await ctx.proxy();
    const client = await ctx.client({ port: proxy.port, keepalive: KEEPALIVE_S });
    const seen = watchDisconnect(client);
    // First a PINGREQ/PINGRESP round trip: pings are sent and answers keep the link up.
    await waitUntil(() => proxy.of(PACKET.PINGRESP, 'down').length > 0, KEEPALIVE_S * 1000 + 1500, 'a PINGRESP');
    assert(client.isConnected() && seen.at === undefined, 'disconnected although PINGRESP arrived');
    // Only the broker's answers are lost: the broker still hears our PINGREQs and keeps the
    // session, so the disconnect can only come from the client's own keepalive check.
    proxy.freeze('down');
    const frozenAt = Date.now();
    await waitUntil(() => seen.at !== undefined, 4 * KEEPALIVE_S * 1000, 'onDisconnect after the link froze');
    assertEqual(seen.rc, MQTT_ERR_KEEPALIVE, 'onDisconnect rc');
    assert(!client.isConnected(), 'isConnected() after the keepalive timeout');
    ctx.note(checkTiming(proxy, frozenAt, seen));
  },
};

const sigstop: Scenario = {
  id: 'keepalive/broker-sigstopped',
  versions: ['3.1.1', '5.0'],
  timeoutMs: 15_000,
  applies: (broker) =>
    broker.pid === undefined
      ? `${broker.name} runs in this process: it cannot be SIGSTOPped (the proxy variant covers it)`
      : broker.name === 'rabbitmq'
        ? 'not SIGSTOPping the Erlang VM (its distribution link to rabbitmqctl must survive to stop it cleanly); the proxy variant covers it'
        : undefined,
  async run(ctx) {
    const pid = ctx.broker.pid;
    assert(pid !== undefined, 'no pid');
    const client = await ctx.client({ keepalive: KEEPALIVE_S });
    const seen = watchDisconnect(client);
    process.kill(pid, 'SIGSTOP');
    const frozenAt = Date.now();
    try {
      await waitUntil(() => seen.at !== undefined, 4 * KEEPALIVE_S * 1000, 'onDisconnect while the broker is stopped');
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    assertEqual(seen.rc, MQTT_ERR_KEEPALIVE, 'onDisconnect rc');
    ctx.note(checkTiming(undefined, frozenAt, seen));
  },
};

export const keepaliveScenarios: readonly Scenario[] = [proxyFreeze, sigstop];
