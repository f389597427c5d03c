// Runs scenarios against one started broker: decides applicability (n/a with a reason), builds
// each scenario's context, enforces its timeout, and always runs its cleanups (clients
// disconnected, proxies closed) so one failure cannot leak into the next scenario.
import { Client, MQTTv31, MQTTv311, MQTTv5, type MqttProtocol } from '@x/mqtt';
import { WireProxy } from './support/wire-proxy.js';
import { within } from './support/wait.js';
import type { BrokerHandle, ClientSpec, ResultRow, Scenario, ScenarioContext, Version } from './types.js';

export const ALL_VERSIONS: readonly Version[] = ['3.1', '3.1.1', '5.0'];
/** Versions a scenario covers when it does not say: the two the issue asks for. */
export const DEFAULT_VERSIONS: readonly Version[] = ['3.1.1', '5.0'];
const PROTOCOL: Readonly<Record<Version, MqttProtocol>> = { '3.1': MQTTv31, '3.1.1': MQTTv311, '5.0': MQTTv5 };
const DEFAULT_TIMEOUT_MS = 10_000;
let runCounter = 0;

export interface RunOptions {
  readonly quick: boolean;
  /** Called after each row, for progress output. */
  readonly onRow?: (row: ResultRow) => void;
}

/** The (scenario, version) pairs to report for a broker: unsupported 5.0 shows as n/a, unsupported 3.1 is left out. */
export function plan(broker: BrokerHandle, scenarios: readonly Scenario[], quick: boolean): Array<{ scenario: Scenario; version: Version }> {
  const out: Array<{ scenario: Scenario; version: Version }> = [];
  for (const scenario of scenarios) {
    if (quick && scenario.quick !== true) continue;
    for (const version of scenario.versions ?? DEFAULT_VERSIONS) {
      if (version === '3.1' && (quick || !broker.caps.versions.includes('3.1'))) continue;
      out.push({ scenario, version });
    }
  }
  return out;
}

/** Why a scenario does not apply to this broker and version, or undefined. */
function notApplicable(broker: BrokerHandle, scenario: Scenario, version: Version): string | undefined {
  if (!broker.caps.versions.includes(version)) return `${broker.name} does not speak MQTT ${version} (it speaks ${broker.caps.versions.join(', ')})`;
  const notes = broker.caps.notApplicable;
  return notes?.[`${scenario.id}@${version}`] ?? notes?.[scenario.id] ?? scenario.applies?.(broker, version);
}

export async function runScenarios(broker: BrokerHandle, scenarios: readonly Scenario[], options: RunOptions): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const { scenario, version } of plan(broker, scenarios, options.quick)) {
    const row = await runOne(broker, scenario, version);
    rows.push(row);
    options.onRow?.(row);
  }
  return rows;
}

export async function runOne(broker: BrokerHandle, scenario: Scenario, version: Version): Promise<ResultRow> {
  const base = { broker: broker.name, version, scenario: scenario.id };
  const reason = notApplicable(broker, scenario, version);
  if (reason !== undefined) return { ...base, outcome: 'n/a', ms: 0, detail: reason };
  const { ctx, cleanup, notes, abort } = makeContext(broker, scenario, version);
  const started = performance.now();
  const timeoutMs = scenario.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    await within(scenario.run(ctx), timeoutMs, `scenario ${scenario.id} (its ${timeoutMs} ms time box)`);
    return { ...base, outcome: 'PASS', ms: performance.now() - started, detail: notes.join('; ') };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n').slice(0, 6).join(' ') : String(error);
    return { ...base, outcome: 'FAIL', ms: performance.now() - started, detail: [message, ...notes].join('; ') };
  } finally {
    abort();
    await cleanup();
  }
}

function makeContext(broker: BrokerHandle, scenario: Scenario, version: Version): { ctx: ScenarioContext; cleanup: () => Promise<void>; notes: string[]; abort: () => void } {
  const run = `${process.pid.toString(36)}${(runCounter++).toString(36)}`;
  const slug = `${scenario.id.replace(/[^a-z0-9]+/gi, '-')}-${version.replace('.', '').replace('.', '')}`;
  const cleanups: Array<() => unknown> = [];
  const notes: string[] = [];
  const controller = new AbortController();
  const protocol = PROTOCOL[version];
  const ctx: ScenarioContext = {
    broker,
    version,
    protocol,
    v5: version === '5.0',
    signal: controller.signal,
    topic: (suffix) => `interop/${run}/${slug}/${suffix}`,
    clientId: (suffix) => `ix-${run}-${suffix}`.slice(0, 23),
    defer: (cleanup) => void cleanups.push(cleanup),
    note: (text) => void notes.push(text),
    proxy: async () => {
      const proxy = await WireProxy.start(broker.host, broker.port);
      cleanups.push(() => proxy.close());
      return proxy;
    },
    client: async (spec: ClientSpec = {}) => {
      const client = new Client({
        clientId: spec.clientId ?? ctx.clientId(`c${cleanups.length}`),
        cleanSession: spec.cleanSession ?? true,
        protocol,
        autoReconnect: spec.autoReconnect ?? false,
        ...(spec.properties !== undefined ? { properties: spec.properties } : {}),
        ...(spec.topicAliasMaximum !== undefined ? { topicAliasMaximum: spec.topicAliasMaximum } : {}),
      });
      client.reconnectDelaySet(0.1, 0.5);
      const login = spec.username !== undefined ? { username: spec.username, password: spec.password } : broker.caps.login;
      if (login !== undefined) client.usernamePwSet(login.username, login.password);
      if (spec.will !== undefined) client.willSet(spec.will.topic, spec.will.payload, spec.will.qos, spec.will.retain, spec.will.properties);
      cleanups.push(() => closeQuietly(client));
      if (spec.noConnect !== true) await client.connect(broker.host, spec.port ?? broker.port, spec.keepalive ?? 30);
      return client;
    },
  };
  const cleanup = async (): Promise<void> => {
    for (const fn of cleanups.reverse()) await within(Promise.resolve().then(fn), 5000, 'cleanup').catch(() => undefined);
  };
  return { ctx, cleanup, notes, abort: () => controller.abort() };
}

async function closeQuietly(client: Client): Promise<void> {
  await within(client.disconnect(), 3000, 'disconnect').catch(() => undefined);
  const socket = client.socket() as { destroy?: () => void } | undefined;
  socket?.destroy?.();
}
