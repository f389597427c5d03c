// The arguments every helper shares (Paho's hostname, port, client_id, keepalive, will, auth, tls,
// protocol, transport), and how they become an engine: the transport comes from the caller.
import { MqttError, type Properties, type ProtocolVersion, type QoS } from '@x/mqtt-codec';
import { MqttEngine, type Transport } from '@x/mqtt-core';

/** Where to connect, handed to `createTransport`. */
export interface HelperTarget<Tls> {
  /** The broker's host name or address: `options.hostname`, 'localhost' when not given. */
  readonly hostname: string;
  /** `options.port`; undefined when not given (the transport picks its default). */
  readonly port: number | undefined;
  /** `options.transport`, 'tcp' when not given. */
  readonly transport: 'tcp' | 'websockets';
  /** `options.tls`; undefined means no TLS. */
  readonly tls: Tls | undefined;
}

/** The arguments every helper takes (Paho's hostname, port, client_id, keepalive, will, auth, tls, protocol, transport). */
export interface HelperOptions<Tls = unknown> {
  /** Defaults to 'localhost'. */
  hostname?: string;
  /** Defaults to the transport's (1883 for tcp). */
  port?: number;
  /** Defaults to '': a random id. */
  clientId?: string;
  /** Seconds. Defaults to 60. */
  keepalive?: number;
  /** The Will Message the broker publishes if the connection is lost without a DISCONNECT. */
  will?: {
    /** Required, non-empty (INVALID_TOPIC otherwise). */
    topic: string;
    /** A string is sent as UTF-8. Defaults to an empty payload. */
    payload?: Uint8Array | string | null;
    /** Defaults to 0. */
    qos?: QoS;
    /** Defaults to false. */
    retain?: boolean;
    /** v5 Will properties. */
    properties?: Properties;
  };
  /** Credentials sent in CONNECT. */
  auth?: {
    /** The CONNECT User Name. */
    username: string;
    /** The CONNECT Password; not sent when not given. */
    password?: string | Uint8Array;
  };
  /** TLS settings (e.g. `{ ca }`); TLS is used when given. */
  tls?: Tls;
  /** 3, 4 or 5. Defaults to 4 (MQTT 3.1.1). */
  protocol?: ProtocolVersion;
  /** Defaults to 'tcp'. */
  transport?: 'tcp' | 'websockets';
  /** v5 CONNECT properties. */
  properties?: Properties;
  /** Gives up (rejects with ABORTED, disconnecting first). */
  signal?: AbortSignal;
  /**
   * After a lost connection, reconnect and carry on: QoS>0 messages not yet acknowledged are sent
   * again (core's resend rule for a clean session), subscriptions are made again.
   * false: reject at once with the loss (CONNECTION_CLOSED, KEEPALIVE_TIMEOUT, ...). Defaults to true.
   */
  reconnect?: boolean;
  /**
   * Milliseconds the helper may take to recover from a lost connection: counted from the loss; at
   * its end the call rejects with TIMEOUT (the loss as `cause`). Defaults to DEFAULT_HELPER_TIMEOUT_MS.
   */
  timeoutMs?: number;
  /** v5: assign topic aliases automatically. Defaults to false: a one-message connection gains nothing from them. */
  autoTopicAlias?: boolean;
  /** Builds the transport for the target. The @x/mqtt facade supplies its own. */
  createTransport: (target: HelperTarget<Tls>) => Transport;
}

/** How long a helper may take to recover from a lost connection: 30 s. */
export const DEFAULT_HELPER_TIMEOUT_MS = 30_000;
/** Back-off between reconnect attempts of a helper, in seconds (shorter than a Client's 1..120). */
export const HELPER_RECONNECT_DELAY = {
  /** The first delay, in seconds. */
  minDelay: 0.25,
  /** The longest delay, in seconds. */
  maxDelay: 4,
} as const;

const utf8 = new TextEncoder();

export function toBytes(payload: Uint8Array | string | number | null | undefined): Uint8Array {
  if (payload === null || payload === undefined) return new Uint8Array(0);
  if (payload instanceof Uint8Array) return payload;
  return utf8.encode(String(payload));
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `x-mqtt-helper-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** An engine for one helper call: clean session, no automatic topic aliases, reconnecting unless `reconnect: false`. */
export function helperEngine<Tls>(options: HelperOptions<Tls>): MqttEngine {
  if (options.will !== undefined && (typeof options.will.topic !== 'string' || options.will.topic === '')) {
    throw new MqttError('INVALID_TOPIC', 'will.topic is required');
  }
  const transport = options.createTransport({
    hostname: options.hostname ?? 'localhost',
    port: options.port,
    transport: options.transport ?? 'tcp',
    tls: options.tls,
  });
  return new MqttEngine({
    transports: transport,
    protocolVersion: options.protocol ?? 4,
    clientId: options.clientId || randomId(),
    cleanSession: true,
    keepalive: options.keepalive ?? 60,
    username: options.auth?.username,
    password: options.auth?.password,
    will:
      options.will === undefined
        ? undefined
        : {
            topic: options.will.topic,
            payload: toBytes(options.will.payload),
            qos: options.will.qos ?? 0,
            retain: options.will.retain ?? false,
            ...(options.will.properties !== undefined ? { properties: options.will.properties } : {}),
          },
    connectProperties: options.properties,
    autoReconnect: options.reconnect !== false,
    reconnectDelay: HELPER_RECONNECT_DELAY,
    autoTopicAlias: options.autoTopicAlias ?? false,
  });
}
