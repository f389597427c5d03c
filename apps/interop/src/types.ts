// The harness's vocabulary: a started broker and what it can do, a scenario, and the context a
// scenario runs in. Capabilities are facts about a broker (documented or observed), never guesses
// made to turn a failure into a pass: a scenario a broker cannot run is reported "n/a" with why.
import type { MqttProtocol } from '@x/mqtt';
import type { Client } from '@x/mqtt';
import type { WireProxy } from './support/wire-proxy.js';

export type Version = '3.1' | '3.1.1' | '5.0';

/** How a broker delivers a message that matches several subscriptions of one client. */
export type OverlapDelivery = 'per-subscription' | 'per-client';

/** Where `$`-topics come from on this broker, for the "`#` does not match `$`-topics" check. */
export type DollarSource = { readonly kind: 'sys'; readonly filter: string } | { readonly kind: 'publish'; readonly topic: string };

export interface Capabilities {
  readonly versions: readonly Version[];
  /** Highest QoS the broker implements end to end (publish and deliver). */
  readonly maxQos: 0 | 1 | 2;
  /** Why maxQos is below 2, for the n/a note. */
  readonly qosNote?: string;
  /** Per protocol version: mosquitto 2.0 sends one copy to a 3.1.1 client, one per subscription to a 5.0 client. */
  readonly overlap: Readonly<Partial<Record<Version, OverlapDelivery>>>;
  readonly dollar: DollarSource | undefined;
  /** A topic filter this broker's ACL denies to subscribers; undefined when none is configured. */
  readonly deniedFilter: string | undefined;
  /** Valid credentials; a wrong password must be refused. Undefined: the broker has no users. */
  readonly credentials: { readonly username: string; readonly password: string } | undefined;
  /** Credentials every client of a scenario logs in with when the scenario names none (a broker that admits no anonymous client). */
  readonly login?: { readonly username: string; readonly password: string };
  /** v5 SUBACK code for a filter the ACL refuses: 0x87 Not authorized unless the broker was observed to send another (3.1.1 has only 0x80). */
  readonly subscribeDeniedV5?: number;
  /** CONNACK code for a wrong password: v3 return code (4 Bad user name or password, or 5 Not authorized) and v5 reason code (0x86 or 0x87). */
  readonly badPassword: { readonly v3: number; readonly v5: number };
  /** v5 shared subscriptions ($share/<group>/<filter>). */
  readonly sharedSubscriptions: boolean;
  /** Cross-client interop (Paho Python, MQTT.js, Paho C) runs against this broker. */
  readonly peers: boolean;
  /** Broker-specific caveats for n/a notes, keyed by scenario id, or by `id@version` for one version only. */
  readonly notApplicable?: Readonly<Record<string, string>>;
}

export interface BrokerHandle {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly caps: Capabilities;
  /** The broker's OS process (absent for in-process brokers): SIGSTOP/SIGCONT freeze it. */
  readonly pid: number | undefined;
  /** Stops the broker (only the processes this harness started) and removes its temp dirs. */
  stop(): Promise<void>;
}

export interface BrokerDriver {
  readonly name: string;
  start(): Promise<BrokerHandle>;
}

export interface ClientSpec {
  readonly clientId?: string;
  readonly cleanSession?: boolean;
  readonly properties?: import('@x/mqtt').Properties;
  /** Seconds. Defaults to 30. */
  readonly keepalive?: number;
  /** Connect through this port (a proxy) instead of the broker's. */
  readonly port?: number;
  readonly username?: string;
  readonly password?: string;
  readonly will?: { topic: string; payload: Uint8Array | string; qos: 0 | 1 | 2; retain: boolean; properties?: import('@x/mqtt').Properties };
  readonly autoReconnect?: boolean;
  readonly topicAliasMaximum?: number;
  /** Create only; the scenario calls connect(). */
  readonly noConnect?: boolean;
}

export interface ScenarioContext {
  readonly broker: BrokerHandle;
  readonly version: Version;
  readonly protocol: MqttProtocol;
  readonly v5: boolean;
  /** Aborted when the scenario's time is up. */
  readonly signal: AbortSignal;
  /** A topic unique to this run of this scenario. */
  topic(suffix: string): string;
  /** A client id unique to this run. */
  clientId(suffix: string): string;
  /** Our client, connected (unless spec.noConnect); disconnected at the end of the scenario. */
  client(spec?: ClientSpec): Promise<Client>;
  /** A wire-observing TCP proxy to the broker, closed at the end of the scenario. */
  proxy(): Promise<WireProxy>;
  /** Runs at the end of the scenario, last registered first. */
  defer(cleanup: () => unknown): void;
  /** A note shown next to the result (e.g. a measured time). */
  note(text: string): void;
}

export interface Scenario {
  /** family/name, e.g. `basic/qos1`. */
  readonly id: string;
  /** Versions it is defined for. Defaults to all the broker speaks. */
  readonly versions?: readonly Version[];
  readonly timeoutMs?: number;
  /** Part of a --quick run. */
  readonly quick?: boolean;
  /** Why it does not apply to this broker and version, or undefined when it does. */
  readonly applies?: (broker: BrokerHandle, version: Version) => string | undefined;
  run(ctx: ScenarioContext): Promise<void>;
}

export type Outcome = 'PASS' | 'FAIL' | 'n/a';

export interface ResultRow {
  readonly broker: string;
  readonly version: Version;
  readonly scenario: string;
  readonly outcome: Outcome;
  readonly ms: number;
  /** Failure message, n/a reason, or a measurement. */
  readonly detail: string;
}
