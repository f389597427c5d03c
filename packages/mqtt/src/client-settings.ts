// What the option functions set (Paho's *_set calls and connect() arguments), validated as the
// seed validates them, and turned into engine options and transports. Holds no connection.
// Invariant: every setter checks its arguments completely before it changes anything, and what
// goes into CONNECT is trial-encoded at the call, so a CONNECT can always be built (issue 11.7).
import { encodedLength, isMqttError, MqttError, type ConnectPacket, type Properties, type Will } from '@x/mqtt-codec';
import {
  DEFAULT_MAX_INFLIGHT_MESSAGES,
  DEFAULT_MAX_QUEUED_MESSAGES,
  DEFAULT_RECONNECT_MAX_DELAY,
  DEFAULT_RECONNECT_MIN_DELAY,
  DEFAULT_RETRY_INTERVAL,
  type EngineOptions,
  type Transport,
} from '@x/mqtt-core';
import { DEFAULT_CONNECT_TIMEOUT_SECONDS, DEFAULT_KEEPALIVE_SECONDS, DEFAULT_WS_PATH, type ClientOptions, type ProxySettings, type ServerSpec, type TlsSettings, type WsSettings } from './client-options.js';
import { MQTTv31, MQTTv311, MQTTv5 } from './constants.js';
import { checkQos, checkTopicName, toPayload, type PayloadInput } from './payload.js';
import type { Platform } from './platform.js';
import { DEFAULT_PORTS, parseBrokerUrl, type BrokerAddress } from './url.js';
import { checkBoolean, checkNumber, checkOptionalProperties, checkStringOrBytes, checkString, refused } from './validate.js';
import { checkClientOptions, checkReconnectDelay, checkServerSpec, checkWsOptions } from './validate-options.js';

/** Checks TLS settings as the platform can honour them (Platform.checkTls). */
export type TlsCheck = (settings: unknown, where: string) => TlsSettings;

/** What a CONNECT carries that a setter may be about to change. */
interface ConnectFields {
  username?: string | undefined;
  password?: string | Uint8Array | undefined;
  will?: Will | undefined;
  properties?: Properties | undefined;
}

const utf8 = new TextEncoder();
const DEFAULT_RECONNECT_DELAY: Readonly<{ minDelay: number; maxDelay: number }> = Object.freeze({ minDelay: DEFAULT_RECONNECT_MIN_DELAY, maxDelay: DEFAULT_RECONNECT_MAX_DELAY });
const DEFAULT_WS: Readonly<WsSettings> = Object.freeze({ path: DEFAULT_WS_PATH, headers: undefined });

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
  if (options.clientId) throw refused('emptyClientId: true sends no client id: leave clientId out');
  const protocol = options.protocol ?? MQTTv311;
  if (protocol === MQTTv31) throw refused('MQTT 3.1 needs a client id of 1 to 23 characters: emptyClientId needs MQTTv311 or MQTTv5');
  if (protocol !== MQTTv5 && options.cleanSession === false) throw refused('an empty client id needs cleanSession: true on MQTT 3.1.1 [MQTT-3.1.3-7]');
}

function wholeNumber(value: unknown, name: string): number {
  return checkNumber(value, name, { integer: true, min: 0 });
}

export class ClientSettings {
  readonly options: Readonly<ClientOptions>;
  readonly clientId: string;
  // Paho's defaults (kept in core): 20 in flight, unlimited queue, 5 s retry, back-off 1..120 s.
  maxInflight = DEFAULT_MAX_INFLIGHT_MESSAGES;
  maxQueued = DEFAULT_MAX_QUEUED_MESSAGES;
  retrySeconds = DEFAULT_RETRY_INTERVAL;
  // The defaults are shared by every client (frozen; a setter replaces the object, never edits it).
  reconnectDelay: Readonly<{ minDelay: number; maxDelay: number }> = DEFAULT_RECONNECT_DELAY;
  ws: Readonly<WsSettings> = DEFAULT_WS;
  tls: TlsSettings | undefined;
  proxy: ProxySettings | undefined;
  username: string | undefined;
  password: string | Uint8Array | undefined;
  will: Will | undefined;
  keepalive: number;
  bindAddress: string | undefined;
  servers: BrokerAddress[];
  connectProperties: Properties | undefined;
  readonly #checkTls: TlsCheck;

  /** Checks every option (INVALID_ARGUMENT naming the key) and applies username, password, will, tls and ws as their setters do. */
  constructor(options: ClientOptions, checkTls: TlsCheck) {
    const o = checkClientOptions(options);
    if (o.emptyClientId === true) checkEmptyClientId(o);
    else if (!o.clientId && o.cleanSession === false) throw refused('a client id must be provided when cleanSession is false');
    this.#checkTls = checkTls;
    this.options = { ...o };
    this.clientId = o.emptyClientId === true ? '' : o.clientId || randomClientId();
    this.keepalive = o.keepalive ?? DEFAULT_KEEPALIVE_SECONDS;
    this.connectProperties = o.properties;
    if (o.ws !== undefined) this.ws = checkWsOptions(o.ws, undefined, 'ws');
    if (o.tls !== undefined && o.tls !== false) this.setTls(o.tls === true ? {} : o.tls, 'tls');
    // After tls and ws: a { host } server takes its transport from them.
    this.servers = (o.servers ?? []).map((s, i) => this.address(s, `servers[${i}]`));
    if (o.username !== undefined || o.password !== undefined) this.setCredentials(o.username, o.password, 'Client options');
    if (o.will !== undefined) this.setWill(o.will.topic, o.will.payload, o.will.qos ?? 0, o.will.retain ?? false, o.will.properties, 'will');
    this.checkConnect({}, 'Client options');
  }

  setMaxInflight(n: unknown): void {
    this.maxInflight = wholeNumber(n, 'maxInflightMessagesSet() inflight');
  }
  setMaxQueued(n: unknown): void {
    this.maxQueued = wholeNumber(n, 'maxQueuedMessagesSet() queueSize');
  }
  setRetry(seconds: unknown): void {
    this.retrySeconds = checkNumber(seconds, 'messageRetrySet() retry', { min: 0 });
  }
  /** tlsSet(): checked by the platform at the call (on Node: types, Paho names, secureContext clashes, files read once). */
  setTls(tls: unknown, where = 'tlsSet()'): void {
    if (this.tls !== undefined) throw new MqttError('INVALID_STATE', 'TLS is already configured');
    this.tls = this.#checkTls(tls, where);
  }
  setTlsInsecure(value: unknown): void {
    const insecure = checkBoolean(value, 'tlsInsecureSet() value');
    if (this.tls === undefined) throw new MqttError('INVALID_STATE', 'call tlsSet() or tlsSetContext() before tlsInsecureSet()');
    this.tls = { ...this.tls, insecure };
  }
  setReconnectDelay(minDelay: unknown, maxDelay: unknown): void {
    this.reconnectDelay = checkReconnectDelay(minDelay, maxDelay);
  }
  /** usernamePwSet(): null or undefined means none (Paho's None). */
  setCredentials(username: unknown, password: unknown, where = 'usernamePwSet()'): void {
    const user = username === undefined || username === null ? undefined : checkString(username, `${where} username`);
    const pass = password === undefined || password === null ? undefined : checkStringOrBytes(password, `${where} password`);
    this.checkConnect({ username: user, password: pass }, where);
    this.username = user;
    this.password = pass;
  }
  /** willSet(): the seed's checks (INVALID_TOPIC, INVALID_QOS), then the encoder's (INVALID_UTF8, PACKET_TOO_LARGE, INVALID_PROPERTY). */
  setWill(topic: unknown, payload: unknown, qos: unknown, retain: unknown, properties: unknown, where = 'willSet()'): void {
    const props = checkOptionalProperties(properties, `${where} properties`) as Properties | undefined;
    const will: Will = {
      topic: checkTopicName(topic),
      payload: toPayload(payload as PayloadInput),
      qos: checkQos(qos),
      retain: checkBoolean(retain, `${where} retain`),
      ...(props !== undefined ? { properties: props } : {}),
    };
    this.checkConnect({ will }, where);
    this.will = will;
  }

  /**
   * Encodes (without sending) the CONNECT these settings would send, with `changes` applied, and
   * throws the encoder's typed error (named after `where`) if it cannot be built: a lone surrogate
   * or U+0000, a field over 65,535 bytes, an unknown or misplaced v5 property (issue 11.7).
   */
  checkConnect(changes: ConnectFields, where: string): void {
    const version = this.options.protocol ?? MQTTv311;
    const has = (key: keyof ConnectFields): boolean => Object.prototype.hasOwnProperty.call(changes, key);
    const username = has('username') ? changes.username : this.username;
    const password = has('password') ? changes.password : this.password;
    const will = has('will') ? changes.will : this.will;
    const auth = this.options.authenticator;
    const properties: Properties = {
      ...(has('properties') ? changes.properties : this.connectProperties),
      ...(auth !== undefined ? { authenticationMethod: auth.method, ...(auth.initialData !== undefined ? { authenticationData: auth.initialData } : {}) } : {}),
    };
    const packet: ConnectPacket = {
      type: 'connect',
      protocolVersion: version,
      clientId: this.clientId,
      cleanStart: this.options.cleanSession ?? true,
      keepalive: this.keepalive,
      ...(username !== undefined ? { username } : {}),
      ...(password !== undefined ? { password: typeof password === 'string' ? utf8.encode(password) : password } : {}),
      ...(will !== undefined ? { will } : {}),
      ...(version === 5 && Object.keys(properties).length > 0 ? { properties } : {}),
    };
    try {
      encodedLength(packet, version);
    } catch (error) {
      if (!isMqttError(error)) throw error;
      throw new MqttError(error.code, `${where}: ${error.message}`, { cause: error, ...(error.reasonCode !== undefined ? { reasonCode: error.reasonCode } : {}) });
    }
  }

  /** Applies connect()'s arguments: where to connect, keepalive, bind address, v5 properties. Changes nothing when it throws. */
  setTarget(host: string | readonly ServerSpec[] | undefined, port: number | undefined, keepalive: number | undefined, bindAddress: string | undefined, properties: Properties | undefined): void {
    if (keepalive !== undefined) checkNumber(keepalive, 'keepalive', { integer: true, min: 0, max: 65535 });
    const servers = host === undefined ? this.servers : (typeof host === 'string' ? [host.includes('://') ? host : { host, port: port ?? this.#defaultPort() }] : host).map((s) => this.address(s));
    if (servers.length === 0) throw refused('no broker: give a host, a URL or servers');
    const fromUrl = servers[0];
    const credentials = fromUrl?.username !== undefined && this.username === undefined ? { username: fromUrl.username, password: fromUrl.password } : undefined;
    this.checkConnect({ ...credentials, ...(properties !== undefined ? { properties } : {}) }, 'connect()');
    this.servers = servers;
    if (keepalive !== undefined) this.keepalive = keepalive;
    this.bindAddress = bindAddress || undefined;
    if (properties !== undefined) this.connectProperties = properties;
    if (credentials !== undefined) {
      this.username = credentials.username;
      this.password = credentials.password;
    }
  }

  address(spec: ServerSpec, name = 'broker'): BrokerAddress {
    checkServerSpec(spec, name);
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
      credentials: o.credentials,
      manualAck: o.manualAck === true,
      ...(o.maxUnackedInbound !== undefined ? { maxUnackedInbound: o.maxUnackedInbound } : {}),
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
