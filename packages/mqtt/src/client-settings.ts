// What the option functions set (Paho's *_set calls and connect() arguments), validated as the
// seed validates them, and turned into engine options and transports. Holds no connection.
import { MqttError, type Properties } from '@x/mqtt-codec';
import {
  DEFAULT_MAX_INFLIGHT_MESSAGES,
  DEFAULT_MAX_QUEUED_MESSAGES,
  DEFAULT_RECONNECT_MAX_DELAY,
  DEFAULT_RECONNECT_MIN_DELAY,
  DEFAULT_RETRY_INTERVAL,
  type EngineOptions,
  type Transport,
} from '@x/mqtt-core';
import { DEFAULT_CONNECT_TIMEOUT_SECONDS, DEFAULT_KEEPALIVE_SECONDS, DEFAULT_WS_PATH, type ClientOptions, type ProxySettings, type ServerSpec, type TlsSettings, type WillSettings, type WsSettings } from './client-options.js';
import { MQTTv31, MQTTv311, MQTTv5 } from './constants.js';
import type { Platform } from './platform.js';
import { DEFAULT_PORTS, parseBrokerUrl, type BrokerAddress } from './url.js';


const noServer: Transport = {
  name: 'none',
  connect: () => Promise.reject(new MqttError('NOT_CONNECTED', 'no broker given: call connect(host) first')),
};

function randomClientId(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `x-mqtt-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}

/** emptyClientId: MQTT 5 with any clean start, 3.1.1 with clean session only, never on 3.1 (issue 12 item 11). */
function checkEmptyClientId(options: ClientOptions): void {
  if (options.clientId) throw new MqttError('INVALID_ARGUMENT', 'emptyClientId: true sends no client id: leave clientId out');
  const protocol = options.protocol ?? MQTTv311;
  if (protocol === MQTTv31) throw new MqttError('INVALID_ARGUMENT', 'MQTT 3.1 needs a client id of 1 to 23 characters: emptyClientId needs MQTTv311 or MQTTv5');
  if (protocol !== MQTTv5 && options.cleanSession === false) throw new MqttError('INVALID_ARGUMENT', 'an empty client id needs cleanSession: true on MQTT 3.1.1 [MQTT-3.1.3-7]');
}

function wholeNumber(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) throw new MqttError('INVALID_ARGUMENT', `${name} must be a whole number >= 0`);
  return value;
}

export class ClientSettings {
  readonly options: Readonly<ClientOptions>;
  readonly clientId: string;
  // Paho's defaults (kept in core): 20 in flight, unlimited queue, 5 s retry, back-off 1..120 s.
  maxInflight = DEFAULT_MAX_INFLIGHT_MESSAGES;
  maxQueued = DEFAULT_MAX_QUEUED_MESSAGES;
  retrySeconds = DEFAULT_RETRY_INTERVAL;
  reconnectDelay: { minDelay: number; maxDelay: number } = { minDelay: DEFAULT_RECONNECT_MIN_DELAY, maxDelay: DEFAULT_RECONNECT_MAX_DELAY };
  ws: WsSettings = { path: DEFAULT_WS_PATH, headers: undefined };
  tls: TlsSettings | undefined;
  proxy: ProxySettings | undefined;
  username: string | undefined;
  password: string | Uint8Array | undefined;
  will: WillSettings | undefined;
  keepalive: number;
  bindAddress: string | undefined;
  servers: BrokerAddress[];
  connectProperties: Properties | undefined;

  constructor(options: ClientOptions) {
    if (options.emptyClientId === true) checkEmptyClientId(options);
    else if (!options.clientId && options.cleanSession === false) throw new MqttError('INVALID_ARGUMENT', 'a client id must be provided when cleanSession is false');
    this.options = { ...options };
    this.clientId = options.emptyClientId === true ? '' : options.clientId || randomClientId();
    this.keepalive = options.keepalive ?? DEFAULT_KEEPALIVE_SECONDS;
    this.connectProperties = options.properties;
    this.servers = (options.servers ?? []).map((s) => this.address(s));
  }

  setMaxInflight(n: number): void {
    this.maxInflight = wholeNumber(n, 'inflight');
  }
  setMaxQueued(n: number): void {
    this.maxQueued = wholeNumber(n, 'queueSize');
  }
  setRetry(seconds: number): void {
    if (!(seconds >= 0)) throw new MqttError('INVALID_ARGUMENT', 'retry must be >= 0 seconds');
    this.retrySeconds = seconds;
  }
  setTls(tls: TlsSettings): void {
    if (this.tls !== undefined) throw new MqttError('INVALID_STATE', 'TLS is already configured');
    this.tls = { ...tls };
  }
  setTlsInsecure(value: boolean): void {
    if (this.tls === undefined) throw new MqttError('INVALID_STATE', 'call tlsSet() or tlsSetContext() before tlsInsecureSet()');
    this.tls = { ...this.tls, insecure: value };
  }
  setReconnectDelay(minDelay: number, maxDelay: number): void {
    if (!(minDelay > 0 && maxDelay >= minDelay)) throw new MqttError('INVALID_ARGUMENT', 'need 0 < minDelay <= maxDelay');
    this.reconnectDelay = { minDelay, maxDelay };
  }

  /** Applies connect()'s arguments: where to connect, keepalive, bind address, v5 properties. */
  setTarget(host: string | readonly ServerSpec[] | undefined, port: number | undefined, keepalive: number | undefined, bindAddress: string | undefined, properties: Properties | undefined): void {
    if (keepalive !== undefined && !(keepalive >= 0)) throw new MqttError('INVALID_ARGUMENT', 'keepalive must be >= 0');
    if (host !== undefined) this.servers = (typeof host === 'string' ? [host.includes('://') ? host : { host, port: port ?? this.#defaultPort() }] : host).map((s) => this.address(s));
    if (this.servers.length === 0) throw new MqttError('INVALID_ARGUMENT', 'no broker: give a host, a URL or servers');
    if (keepalive !== undefined) this.keepalive = keepalive;
    this.bindAddress = bindAddress || undefined;
    if (properties !== undefined) this.connectProperties = properties;
    const fromUrl = this.servers[0];
    if (fromUrl?.username !== undefined && this.username === undefined) {
      this.username = fromUrl.username;
      this.password = fromUrl.password;
    }
  }

  address(spec: ServerSpec): BrokerAddress {
    if (typeof spec === 'string' && spec.includes('://')) return parseBrokerUrl(spec);
    const { host, port } = typeof spec === 'string' ? { host: spec, port: undefined } : spec;
    const kind = this.#kind();
    return { kind, host, port: port ?? DEFAULT_PORTS[kind], ...(kind === 'ws' || kind === 'wss' ? { path: this.ws.path } : {}) };
  }

  /** One transport per server, in order (the engine fails over across them). */
  transports(platform: Platform): Transport[] {
    if (this.servers.length === 0) return [noServer];
    const settings = {
      bindAddress: this.bindAddress,
      // External loop: no transport timer; the engine's connect timeout runs from loopMisc().
      connectTimeout: this.options.externalLoop === true ? 0 : (this.options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT_SECONDS) * 1000,
      tls: this.tls,
      ws: this.ws,
      proxy: this.proxy,
    };
    return this.servers.map((address) => platform.createTransport(address, settings));
  }

  engineOptions(platform: Platform): Readonly<Partial<EngineOptions>> & { transports: Transport[] } {
    const o = this.options;
    return {
      transports: this.transports(platform),
      protocolVersion: o.protocol ?? MQTTv311,
      clientId: this.clientId,
      cleanSession: o.cleanSession ?? true,
      keepalive: this.keepalive,
      username: this.username,
      password: this.password,
      will: this.will,
      connectProperties: this.connectProperties,
      maxInflightMessages: this.maxInflight,
      maxQueuedMessages: this.maxQueued,
      retryInterval: this.retrySeconds,
      connectTimeout: o.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT_SECONDS,
      autoReconnect: o.autoReconnect ?? o.externalLoop !== true,
      externalLoop: o.externalLoop === true,
      reconnectDelay: this.reconnectDelay,
      store: o.sessionStore,
      authenticator: o.authenticator,
      ...(o.topicAliasMaximum !== undefined ? { topicAliasMaximum: o.topicAliasMaximum } : {}),
      ...(o.autoTopicAlias !== undefined ? { autoTopicAlias: o.autoTopicAlias } : {}),
      ...(o.maximumPacketSize !== undefined ? { maximumPacketSize: o.maximumPacketSize } : {}),
    };
  }

  #kind(): BrokerAddress['kind'] {
    const secure = this.tls !== undefined;
    if (this.options.transport === 'websockets') return secure ? 'wss' : 'ws';
    return secure ? 'tls' : 'tcp';
  }

  #defaultPort(): number {
    return DEFAULT_PORTS[this.#kind()];
  }
}
