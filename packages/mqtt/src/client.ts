// The Client users import: the seed's (Paho 1.5) whole API in camelCase, plus MQTT 5, Promises,
// AbortSignal and async iteration. It holds settings and callbacks only; the protocol lives in ONE
// core EngineCore (the external loop comes from the platform) for the client's lifetime, which reads the current settings at each CONNECT
// (reconnects included); the transports come from the injected Platform (Node or browser).
import { MqttError, type Properties, type QoS, type Subscription } from '@x/mqtt-codec';
import { EngineCore, PublishRc, connackString, reconnectDelay, toSubscriptions, type ConnackInfo, type ConnectResult, type DisconnectInfo, type EngineEventName, type EngineEvents, type InboundMessage, type LogEntry, type PublishResult, type EngineOptions, type EngineSettings, type EngineStats, type PublishOptions, type LoopStatus, type ReauthResult, type SubscribeArgs, type SubscribeOptions, type SubscribeResult, type TransportConnection, type UnsubscribeResult } from '@x/mqtt-core';
import type { OnConnect, OnDisconnect, OnLog, OnMessage, OnMessageComplete, OnPublish, OnSocket, OnSubscribe, OnUnsubscribe } from './callbacks.js';
import type { ClientOptions, ProxySettings, ServerSpec, TlsSettings, V5Properties, WsOptions, WsSettings } from './client-options.js';
import { DEFAULT_WS_PATH } from './client-options.js';
import { ClientSettings } from './client-settings.js';
import type { PublishTracer } from './diagnostics-hooks.js';
import { MQTT_ERR_CONN_LOST, MQTT_ERR_INVAL, MQTT_ERR_NO_CONN, MQTT_ERR_NOT_SUPPORTED, MQTT_ERR_SUCCESS, MQTTv311, MQTTv5, type MqttProtocol } from './constants.js';
import { LOG_LEVEL_METHOD, redactSecrets, type Logger } from './logger.js';
import { MessageInfo, MqttMessage as MqttMessageClass, RequestInfo, type MqttMessage } from './message.js';
import { MessageDispatch } from './message-dispatch.js';
import { messageStream, type MessageStreamOptions } from './message-stream.js';
import { LOG_LEVELS, pahoRc } from './paho-rc.js';
import { checkTopicFilter, toPayload, type PayloadInput } from './payload.js';
import type { Platform } from './platform.js';
import { Requester, respond, type RequestOptions, type ResponseValue } from './request-response.js';
import { SubscriptionRecord } from './resubscribe.js';
import { checkBoolean, checkFilter, checkFunction, checkOptionalProperties, checkOptionalString, checkSecureContext, invalid, refused } from './validate.js';
import { checkClientOptions, checkConnectArgs, checkDisconnectArgs, checkLogger, checkLoopForeverOptions, checkReauthenticateOptions, checkSignalOptions, checkStreamOptions, checkWaitOptions, checkWsOptions } from './validate-options.js';

/** Paho 2's clean_start value: clean start on the first accepted connection of a connect() call only; its reconnects resume. */
export const MQTT_CLEAN_START_FIRST_ONLY = 3;

/** What Client.stats() answers: the engine's stats and the broker address in use. */
export interface ClientStats extends EngineStats {
  /** host:port of the broker used last (or in use); undefined before connect() was given one. */
  readonly server: string | undefined;
}

/** connect()'s extra options. */
export interface ConnectOptions<P extends MqttProtocol = MqttProtocol> {
  /**
   * Clean Session / Clean Start for this call's connections: true, false, or
   * MQTT_CLEAN_START_FIRST_ONLY (clean on the first accepted connection, resume on its reconnects).
   * Defaults to the constructor's `cleanSession`.
   */
  cleanStart?: boolean | typeof MQTT_CLEAN_START_FIRST_ONLY;
  /** Paho's bind_address. */
  bindAddress?: string;
  /** v5 CONNECT properties for this connection. */
  properties?: V5Properties<P>;
  /** Gives up waiting (rejects with ABORTED). */
  signal?: AbortSignal;
  /** connectSrv(): DNS servers to ask (`ip` or `ip:port`). Defaults to the system's. */
  dnsServers?: readonly string[];
}

/** disconnect()'s options form (the Paho positional form `disconnect(reasonCode, properties)` works too). */
export interface DisconnectCallOptions<P extends MqttProtocol = MqttProtocol> {
  /** v5: the DISCONNECT reason code (ignored before MQTT 5). Defaults to none on the wire: 0x00, Normal disconnection. */
  reasonCode?: number;
  /** v5: DISCONNECT properties (sessionExpiryInterval, reasonString, userProperties). */
  properties?: V5Properties<P>;
  /** Send DISCONNECT only once every QoS>0 message in flight or queued is acknowledged, or `timeoutMs` ran out. */
  flush?: boolean;
  /** With `flush`: the longest wait in milliseconds. Defaults to no limit. */
  timeoutMs?: number;
}

/** How long subscribe()/unsubscribe() may wait for the broker's answer. */
export interface WaitCallOptions {
  /** Stops waiting (the request rejects with ABORTED). */
  signal?: AbortSignal;
  /** Stops waiting after this many milliseconds (rejects with TIMEOUT). */
  timeoutMs?: number;
}

/** What reauthenticate() takes: the first Authentication Data, and how long to wait. */
export interface ReauthenticateCallOptions {
  /** Authentication Data for the AUTH 0x19; defaults to what the authenticator's start() (or initialData) gives. */
  data?: Uint8Array;
  /** Stops waiting (rejects with ABORTED); the exchange stays open until the broker ends it or the connection drops. */
  signal?: AbortSignal;
  /** Stops waiting after this many milliseconds (rejects with TIMEOUT), with the exchange left open as for `signal`. */
  timeoutMs?: number;
}

/** What reinitialise() rejects the requests and messages it drops with. */
const dropped = (): MqttError => new MqttError('ABORTED', 'dropped by reinitialise()');

/** Failures after which connect() tries the next server of a list. */
const UNREACHABLE: ReadonlySet<string> = new Set(['TRANSPORT_ERROR', 'CONNECT_TIMEOUT', 'TLS_ERROR', 'PROXY_ERROR', 'CONNECTION_CLOSED']);

/** publish()'s options for each QoS and retain flag without properties: no object per message. */
const PUBLISH_OPTIONS: readonly PublishOptions[] = [0, 1, 2].flatMap((qos) => [false, true].map((retain) => Object.freeze({ qos: qos as QoS, retain })));

/**
 * The client, for any platform. `P` is the protocol level, inferred from `options.protocol`:
 * with `protocol: MQTTv31` or `MQTTv311` given, MQTT 5 properties are a compile error.
 */
export class ClientBase<P extends MqttProtocol = MqttProtocol> {
  // Callbacks: assign a function (`client.onConnect = fn`) or override the method in a subclass
  // (`class MyClient extends Client { onConnect() {...} }`). They are declared as optional methods,
  // not fields: a field would be an own property set to undefined that hides the subclass's method.
  /** Paho's on_connect: a CONNACK arrived (rc 0: accepted, else the refusal's code). See OnConnect. */
  onConnect?(...args: Parameters<OnConnect<this>>): void;
  /** Paho's on_disconnect: the connection ended (rc 0 after disconnect(), else an MQTT_ERR_* code). See OnDisconnect. */
  onDisconnect?(...args: Parameters<OnDisconnect<this>>): void;
  /** Paho's on_message: a message arrived that no messageCallbackAdd() filter took. See OnMessage. */
  onMessage?(...args: Parameters<OnMessage<this>>): void;
  /** An inbound QoS 2 exchange completed (PUBREL came, PUBCOMP sent), after onMessage ran at PUBLISH. See OnMessageComplete. */
  onMessageComplete?(...args: Parameters<OnMessageComplete<this>>): void;
  /** Paho's on_publish: QoS 0 written, QoS 1 PUBACK or QoS 2 PUBCOMP came for `mid`. See OnPublish. */
  onPublish?(...args: Parameters<OnPublish<this>>): void;
  /** Paho's on_subscribe: a SUBACK arrived (not for the renewals `resubscribe` sends). See OnSubscribe. */
  onSubscribe?(...args: Parameters<OnSubscribe<this>>): void;
  /** Paho's on_unsubscribe: an UNSUBACK arrived. See OnUnsubscribe. */
  onUnsubscribe?(...args: Parameters<OnUnsubscribe<this>>): void;
  /** Paho's on_log: every log line at a Paho level (MQTT_LOG_*), secrets redacted. See OnLog. */
  onLog?(...args: Parameters<OnLog<this>>): void;
  /** Paho's on_socket_open: a transport connection opened (before CONNECT); `sock` is the runtime's socket. */
  onSocketOpen?(...args: Parameters<OnSocket<this>>): void;
  /** Paho's on_socket_close: a transport connection closed; `sock` is the runtime's socket. */
  onSocketClose?(...args: Parameters<OnSocket<this>>): void;
  /** Paho's on_socket_register_write: writes are waiting (wantWrite() is now true): call loopWrite() when the socket is writable. */
  onSocketRegisterWrite?(...args: Parameters<OnSocket<this>>): void;
  /** Paho's on_socket_unregister_write: everything pending was written (wantWrite() is now false). */
  onSocketUnregisterWrite?(...args: Parameters<OnSocket<this>>): void;

  /**
   * Calls a user callback. What it throws is never silent: it is logged at MQTT_LOG_ERR and, unless
   * `suppressExceptions`, rethrown from a microtask, as an exception in a Node event listener
   * surfaces ('uncaughtException', or the browser's error event); the client itself carries on.
   */
  #run<A extends unknown[]>(name: string, callback: ((...args: A) => void) | undefined, ...args: A): void {
    if (callback === undefined) return;
    try {
      callback.apply(this, args);
    } catch (error) {
      this.#callbackThrew(name, error);
    }
  }

  #callbackThrew(what: string, error: unknown): void {
    this.#log(LOG_LEVELS.error, `${what} threw: ${error instanceof Error && error.stack !== undefined ? error.stack : String(error)}`);
    if (this.#settings.options.suppressExceptions === true) return;
    queueMicrotask(() => {
      throw error;
    });
  }

  readonly #platform: Platform;
  #settings: ClientSettings;
  /** request()'s response topic and the requests waiting on it; made on the first request. */
  #requester: Requester | undefined;
  #userdata: unknown;
  #logger: Logger | undefined;
  readonly #dispatch = new MessageDispatch();
  /** What subscribe() subscribed, renewed after a reconnect without a session (`resubscribe`). */
  readonly #subscribed = new SubscriptionRecord();
  /** Request ids of renewals: their SUBACKs are not reported through onSubscribe. Made on the first renewal. */
  #renewals: Set<number> | undefined;
  readonly #engine: EngineCore;
  /** v5 CONNECT properties of the last connect() call: they apply to that call's connections only. */
  #callProperties: Properties | undefined;
  /** connect()'s cleanStart for this call, and the CONNACKs accepted since the call. */
  #callCleanStart: boolean | typeof MQTT_CLEAN_START_FIRST_ONLY | undefined;
  #acceptedSinceCall = 0;
  /** connect()/connectAsync() gave a target: reconnect() may reuse it, even after disconnect(). */
  #targetSet = false;
  #socket: TransportConnection | undefined;
  /** The Assigned Client Identifier of the last MQTT 5 CONNACK that carried one (emptyClientId). */
  #assignedClientId: string | undefined;
  /** messages() streams whose buffer is full: reading stays paused while there is one. */
  #pausedStreams = 0;
  /** How a messages() stream pauses and resumes reading; made by the first messages() call. */
  #streamFlow: { pause(): void; resume(): void } | undefined;
  #loopStarted = false;
  #reconnectPaused = false;
  #connectRequested = false;
  #foreverDone: { resolve(rc: number): void } | undefined;
  /** loop() calls waiting for activity; made on the first loop(). */
  #activity: Set<() => void> | undefined;
  /** publish()'s diagnostics hook (Node: the `x-mqtt:publish` TracingChannel); undefined in a browser. */
  readonly #tracer: PublishTracer | undefined;

  constructor(platform: Platform, options: ClientOptions<P> = {}) {
    this.#platform = platform;
    // Every option is checked (INVALID_ARGUMENT naming the key) before anything is built.
    this.#settings = new ClientSettings(options, platform.checkTls);
    this.#userdata = options.userdata;
    this.#engine = new EngineCore(this.#engineOptions(), platform.createExternalLoop);
    // Diagnostics first: a channel's subscribers hear of a message before its handlers run.
    this.#tracer = platform.instrument?.(this, this.#engine);
    this.#attach(this.#engine);
  }

  /** Resets the client to its starting state, as if just created (Paho's reinitialise). */
  reinitialise(options: ClientOptions = {}): void {
    checkClientOptions(options, 'reinitialise() options');
    const kept = this.#settings.options;
    const settings = new ClientSettings({ protocol: kept.protocol, transport: kept.transport, ...options, externalLoop: kept.externalLoop }, this.#platform.checkTls);
    this.#dispatch.clear();
    this.#requester?.close(new MqttError('ABORTED', 'reinitialise() dropped the request'));
    this.#requester = undefined;
    this.#settings = settings;
    this.#userdata = options.userdata;
    this.#connectRequested = false;
    this.#targetSet = false;
    this.#callProperties = undefined;
    this.#assignedClientId = undefined;
    this.#subscribed.clear();
    // The one engine starts over: what it drops (queued messages, pending requests) rejects with ABORTED.
    this.#engine.reset(this.#engineOptions(), dropped());
    this.#foreverSettled(MQTT_ERR_NO_CONN);
  }

  // ---- option functions (before connect*) ---------------------------------------------------

  /** The protocol level: MQTTv31, MQTTv311 or MQTTv5, from `options.protocol`; MQTTv311 when not given. */
  get protocol(): MqttProtocol {
    return this.#settings.options.protocol ?? MQTTv311;
  }
  /**
   * The client id: the one given, the random one made for an empty `clientId`, or with
   * `emptyClientId` the broker's Assigned Client Identifier once an MQTT 5 CONNACK brought one
   * ('' until then, and always on 3.1.1, whose broker does not say).
   */
  get clientId(): string {
    return this.#assignedClientId ?? this.#settings.clientId;
  }
  /**
   * Paho's max_inflight_messages_set: QoS>0 messages in flight at once (0: no limit; MQTT 5 also
   * caps it at the broker's Receive Maximum). Defaults to 20; applies from the next CONNACK.
   */
  maxInflightMessagesSet(inflight: number): void {
    this.#set((s) => s.setMaxInflight(inflight));
  }
  /**
   * Paho's max_queued_messages_set: messages waiting outside the in-flight window (while
   * disconnected, every pending one); a publish() beyond it gets rc MQTT_ERR_QUEUE_SIZE. 0 (the
   * default): no limit. Applies at once.
   */
  maxQueuedMessagesSet(queueSize: number): void {
    this.#set((s) => s.setMaxQueued(queueSize));
  }
  /**
   * Paho's message_retry_set: seconds before an unacknowledged PUBLISH or PUBREL is sent again on
   * the same connection (0: never; MQTT 5 never does [MQTT-4.4.0-1]). Defaults to 5; applies at once.
   */
  messageRetrySet(retrySeconds: number): void {
    this.#set((s) => s.setRetry(retrySeconds));
  }
  /** wsSetOptions({ path, headers }), or Paho's positional wsSetOptions(path, headers). */
  wsSetOptions(options?: WsOptions | string, headers?: WsSettings['headers']): void {
    const ws = checkWsOptions(options, headers);
    this.#set((s) => (s.ws = ws));
  }
  /** Paho's tls_set: checked at the call (unknown keys, Paho's ca_certs/certfile/keyfile mapped, files read, secureContext clashes). */
  tlsSet(settings: TlsSettings = {}): void {
    this.#set((s) => s.setTls(settings));
  }
  /**
   * Paho's tls_set_context: use TLS with a node:tls SecureContext the caller made (its CAs, key
   * and certificate). INVALID_STATE when TLS is already configured.
   */
  tlsSetContext(context: unknown): void {
    checkSecureContext(context);
    this.#set((s) => s.setTls({ secureContext: context }, 'tlsSetContext()'));
  }
  /**
   * Paho's tls_insecure_set: true skips the check that the broker's certificate names the host (the
   * chain is still verified). Call it after tlsSet() or tlsSetContext() (INVALID_STATE before).
   */
  tlsInsecureSet(value: boolean): void {
    this.#set((s) => s.setTlsInsecure(value));
  }
  /**
   * Paho's proxy_set: the Node transports (tcp, tls, ws) connect through this SOCKS5 or HTTP
   * CONNECT proxy from the next connection. The browser's WebSocket cannot use one: in a browser
   * it is refused with INVALID_ARGUMENT.
   */
  proxySet(proxy: ProxySettings): void {
    const checkProxy = this.#platform.checkProxy;
    if (checkProxy === undefined) throw refused('a browser WebSocket cannot use a proxy: the browser picks its own');
    const checked = checkProxy(proxy);
    this.#set((s) => (s.proxy = checked));
  }
  /** Paho's username_pw_set: the User Name and Password of the next CONNECTs (reconnects included); null or undefined means none. */
  usernamePwSet(username: string, password?: string | Uint8Array): void {
    this.#set((s) => s.setCredentials(username, password));
  }
  /** Paho's user_data_set: the `userdata` every callback receives from now on. */
  userDataSet(userdata: unknown): void {
    this.#userdata = userdata;
  }
  /** The will: published by the broker if the connection is lost without disconnect(). */
  willSet(topic: string, payload?: PayloadInput, qos: QoS = 0, retain = false, properties?: V5Properties<P>): void {
    this.#set((s) => s.setWill(topic, payload, qos, retain, properties));
  }
  /** Paho's will_clear: the next CONNECTs carry no will. */
  willClear(): void {
    this.#set((s) => (s.will = undefined));
  }
  /**
   * Paho's reconnect_delay_set: the back-off between reconnect attempts, in seconds, doubling from
   * `minDelay` up to `maxDelay` (with jitter). Defaults to 1 and 120. Also takes `{ minDelay, maxDelay }`.
   */
  reconnectDelaySet(minDelay: number | { minDelay?: number; maxDelay?: number } = 1, maxDelay = 120): void {
    this.#set((s) => s.setReconnectDelay(minDelay, maxDelay));
  }
  /** Paho's enable_logger: log lines (secrets redacted) also go to `logger`'s error/warn/info/debug. Defaults to `console`. */
  enableLogger(logger: Logger = console): void {
    checkLogger(logger);
    this.#logger = logger;
  }
  /** Paho's disable_logger: log lines no longer go to the logger enableLogger() set (onLog still gets them). */
  disableLogger(): void {
    this.#logger = undefined;
  }

  // ---- connect / reconnect / disconnect -----------------------------------------------------

  /**
   * Connects and resolves with the accepted CONNACK (onConnect runs too). `host` may be a URL
   * (`mqtt://`, `mqtts://`, `ws://`, `wss://`) or a list of servers to fail over across.
   * Rejects with a typed MqttError: CONNECTION_REFUSED (rc in `reasonCode`), CONNECT_TIMEOUT, ...
   */
  async connect(host?: string | readonly ServerSpec[], port?: number, keepalive?: number, bindAddress?: string, options: ConnectOptions<P> = {}): Promise<ConnectResult> {
    checkConnectArgs(host, port, keepalive, bindAddress, options, 'connect()');
    const engine = this.#engine;
    // Never two opens: a second connect() while one is in progress (or connected) is refused before it changes anything.
    if (engine.state === 'connecting' || engine.state === 'connected') throw new MqttError('INVALID_STATE', `connect() while ${engine.state}`);
    this.#target(host, port, keepalive, bindAddress, options);
    // With several servers, a server that cannot be reached passes the turn to the next one.
    for (let tries = 1; ; tries++) {
      try {
        return await engine.connect(options.signal ? { signal: options.signal } : {});
      } catch (error) {
        const unreachable = error instanceof MqttError && UNREACHABLE.has(error.code);
        if (!unreachable || tries >= this.#settings.servers.length) throw error;
        this.#log(LOG_LEVELS.warning, `${String(error)}; trying the next server`);
      }
    }
  }

  /** Records where to connect; the connection is made by loopStart() or loopForever(). */
  connectAsync(host?: string | readonly ServerSpec[], port?: number, keepalive?: number, bindAddress?: string, options: ConnectOptions<P> = {}): void {
    checkConnectArgs(host, port, keepalive, bindAddress, options, 'connectAsync()');
    this.#target(host, port, keepalive, bindAddress, options);
    // loopStart() called first connects now (Paho connects in either order).
    if (this.#loopStarted && this.#engine.state === 'idle') this.#startConnecting(true, () => undefined);
  }

  /** Looks up `_mqtt._tcp.<domain>` (or `_secure-mqtt._tcp` with TLS) and connects, failing over in SRV order. */
  async connectSrv(domain?: string, keepalive?: number, bindAddress?: string, options: ConnectOptions<P> = {}): Promise<ConnectResult> {
    checkOptionalString(domain, 'connectSrv() domain');
    checkConnectArgs(undefined, undefined, keepalive, bindAddress, options, 'connectSrv()');
    const resolveSrv = this.#platform.resolveSrv;
    if (resolveSrv === undefined) throw new MqttError('INVALID_STATE', 'connectSrv() needs DNS, which this runtime does not offer');
    const targets = await resolveSrv(domain, this.#settings.tls !== undefined, options.dnsServers);
    if (targets.length === 0) throw new MqttError('DNS_ERROR', `no SRV records for ${domain ?? 'the local domain'}`);
    return this.connect(targets, undefined, keepalive, bindAddress, options);
  }

  /** Reconnects with the previous connect() details. */
  /**
   * Reconnects with the last connect() details, also after disconnect() (as Paho does); while a
   * connection attempt is in progress, answers with that attempt. Rejects INVALID_STATE before any connect().
   */
  reconnect(options: { signal?: AbortSignal } = {}): Promise<ConnectResult> {
    try {
      checkSignalOptions(options, 'reconnect() options');
    } catch (error) {
      return Promise.reject(error);
    }
    if (!this.#targetSet) return Promise.reject(new MqttError('INVALID_STATE', 'call connect() before reconnect()'));
    this.#connectRequested = true;
    return this.#engine.reconnect(options);
  }

  /**
   * Sends DISCONNECT (v5: with a reason code and properties) and closes; no will is published.
   * Aborts a connection attempt in progress (its connect() rejects with ABORTED). Subscribe and
   * unsubscribe requests still waiting reject with CONNECTION_CLOSED; queued and in-flight
   * publishes stay queued for the next connection. `disconnect({ flush: true, timeoutMs })`
   * first waits until every QoS>0 message in flight or queued is acknowledged (or the time ran out).
   */
  async disconnect(reasonCode?: number | DisconnectCallOptions<P>, properties?: V5Properties<P>): Promise<number> {
    checkDisconnectArgs(reasonCode, properties);
    const o: DisconnectCallOptions<P> = typeof reasonCode === 'object' && reasonCode !== null ? reasonCode : { ...(reasonCode !== undefined && reasonCode !== null ? { reasonCode } : {}), ...(properties !== undefined ? { properties } : {}) };
    const engine = this.#engine;
    this.#connectRequested = false;
    // An explicit disconnect() ends what `resubscribe` renews: the next connect() starts with none.
    this.#subscribed.clear();
    const active = engine.state !== 'idle';
    if (active) {
      await engine.disconnect({
        ...(o.reasonCode !== undefined ? { reasonCode: o.reasonCode } : {}),
        ...(o.properties !== undefined ? { properties: o.properties } : {}),
        ...(o.flush !== undefined ? { flush: o.flush } : {}),
        ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
      });
    }
    // loopForever() settles even when no connection was up (waiting to reconnect).
    this.#foreverSettled(MQTT_ERR_SUCCESS);
    return active ? MQTT_ERR_SUCCESS : MQTT_ERR_NO_CONN;
  }

  /**
   * What the client can tell about its connection, cheap enough to call every second: state, the
   * broker in use (`server`, host:port), keepalive in effect, the broker's CONNACK limits, in-flight
   * and queued counts both ways, packets/bytes/messages sent and received, reconnects, the last
   * PINGREQ round trip and the ms since the last packet. See EngineStats.
   */
  stats(): ClientStats {
    const stats = this.#engine.stats();
    const address = this.#settings.servers[stats.transportIndex];
    return { ...stats, server: address === undefined ? undefined : `${address.host}:${address.port}` };
  }

  /** True while a connection is up: its CONNACK accepted it and it has not closed. */
  isConnected(): boolean {
    return this.#engine.state === 'connected';
  }

  /**
   * Paho's connack_string for this client's protocol: on an MQTTv5 client the v5 reason code
   * table (0x86 "Bad User Name or Password"), otherwise the 3.1/3.1.1 return codes. The module
   * function `connackString(rc, protocol)` reads the 3.1.1 table unless given a protocol.
   */
  connackString(rc: number): string {
    return connackString(rc, this.protocol);
  }

  // ---- network loop ---------------------------------------------------------------------------
  // In JavaScript the runtime's event loop does the I/O; these keep the seed's contract.

  /** Connects if connectAsync() was used, keeps reconnecting, and resolves when disconnect() is called. */
  /**
   * Connects if connectAsync() was used, keeps reconnecting, and resolves when disconnect() is
   * called (MQTT_ERR_SUCCESS) or when the connection is lost and no reconnect will come (the lost
   * connection's rc, e.g. MQTT_ERR_CONN_LOST). A refused CONNACK is retried with back-off, as
   * Paho's loop does; a first connection that cannot be opened rejects unless `retryFirstConnection`.
   */
  loopForever(options: { retryFirstConnection?: boolean } = {}): Promise<number> {
    try {
      checkLoopForeverOptions(options);
    } catch (error) {
      return Promise.reject(error);
    }
    // With externalLoop the caller's loop does the I/O: this loop would wait for reads that never come.
    if (this.#foreverDone !== undefined || this.#externalLoop) return Promise.resolve(MQTT_ERR_INVAL);
    this.#reconnectPaused = false;
    const done = new Promise<number>((resolve, reject) => {
      this.#foreverDone = { resolve };
      if (this.isConnected()) return;
      this.#startConnecting(options.retryFirstConnection ?? false, (error) => {
        this.#foreverDone = undefined;
        reject(error);
      });
    });
    return done;
  }

  /** Starts connecting (after connectAsync()) and keeps reconnecting in the background. */
  loopStart(): number {
    if (this.#loopStarted || this.#externalLoop) return MQTT_ERR_INVAL;
    this.#loopStarted = true;
    this.#reconnectPaused = false;
    if (this.#connectRequested && this.#engine.state === 'idle') this.#startConnecting(true, () => undefined);
    return MQTT_ERR_SUCCESS;
  }

  /** Stops reconnecting in the background; an open connection stays open until disconnect(). */
  loopStop(): number {
    if (!this.#loopStarted) return MQTT_ERR_INVAL;
    this.#loopStarted = false;
    this.#reconnectPaused = true;
    return MQTT_ERR_SUCCESS;
  }

  /** Waits up to `timeout` seconds for network activity (for `while (run) await client.loop()`). */
  loop(timeout = 1.0): Promise<number> {
    if (typeof timeout !== 'number' || !(timeout >= 0)) return Promise.reject(invalid('loop() timeout', 'a number of seconds >= 0', timeout));
    if (!this.isConnected()) return Promise.resolve(MQTT_ERR_NO_CONN);
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#activity?.delete(done);
        resolve(this.isConnected() ? MQTT_ERR_SUCCESS : MQTT_ERR_NO_CONN);
      };
      const timer = setTimeout(done, timeout * 1000);
      (this.#activity ??= new Set()).add(done);
    });
  }

  // External-loop functions (option `externalLoop: true`). They work from the moment the socket is
  // open (onSocketOpen), so the CONNACK itself is read by loopRead(). Without that option the
  // runtime's event loop does the I/O and they do nothing, so they say so (MQTT_ERR_NOT_SUPPORTED;
  // MQTT_ERR_NO_CONN when not connected) instead of reporting a success that did nothing.

  /** Reads what the socket holds and processes it (callbacks run before it returns). Call on the socket's 'readable' event. */
  loopRead(): number {
    return this.#loopRc(this.#engine.loopRead());
  }
  /** Writes what is pending (wantWrite()), until the socket is full. */
  loopWrite(): number {
    return this.#loopRc(this.#engine.loopWrite());
  }
  /** Runs keepalive, retries and timeouts that are due; MQTT_ERR_CONN_LOST when that ended the connection. */
  loopMisc(): number {
    return this.#loopRc(this.#engine.loopMisc());
  }
  /** The socket in use (net.Socket, tls.TLSSocket, WebSocket), or undefined. */
  socket(): unknown {
    return this.#socket?.raw;
  }
  /** With externalLoop: true while loopWrite() has something to write. Otherwise: while writes wait for the socket to drain. */
  wantWrite(): boolean {
    return this.#engine.wantWrite();
  }

  get #externalLoop(): boolean {
    return this.#settings.options.externalLoop === true;
  }

  #loopRc(status: LoopStatus): number {
    switch (status) {
      case 'ok':
        return MQTT_ERR_SUCCESS;
      case 'no-connection':
        return MQTT_ERR_NO_CONN;
      case 'connection-lost':
        return MQTT_ERR_CONN_LOST;
      case 'not-supported':
        return this.isConnected() ? MQTT_ERR_NOT_SUPPORTED : MQTT_ERR_NO_CONN;
    }
  }

  // ---- publish / subscribe --------------------------------------------------------------------

  /** Publishes; `await` it (or waitForPublish()) for completion. Throws INVALID_TOPIC/INVALID_QOS/PACKET_TOO_LARGE. */
  publish(topic: string, payload?: PayloadInput, qos: QoS = 0, retain = false, properties?: V5Properties<P>): MessageInfo {
    checkBoolean(retain, 'publish() retain');
    checkOptionalProperties(properties, 'publish() properties');
    const bytes = toPayload(payload);
    const tracer = this.#tracer;
    if (tracer !== undefined && tracer.active) return tracer.run(topic, bytes, qos, retain, properties, (t, b, q, r, p) => this.#publish(t, b, q, r, p));
    return this.#publish(topic, bytes, qos, retain, properties);
  }

  // The session checks the topic name and QoS (INVALID_TOPIC, INVALID_QOS) before anything is queued.
  #publish(topic: string, payload: Uint8Array, qos: QoS, retain: boolean, properties: Properties | undefined): MessageInfo {
    // A QoS other than 0, 1 or 2 gets its own object, for the Session to refuse (INVALID_QOS).
    const preset = properties === undefined && (qos === 0 || qos === 1 || qos === 2) ? PUBLISH_OPTIONS[qos * 2 + (retain ? 1 : 0)] : undefined;
    const options = preset ?? (properties === undefined ? { qos, retain } : { qos, retain, properties });
    return new MessageInfo(this.#engine.publish(topic, payload, options));
  }

  /** subscribe('a/b', 1), subscribe(['a/b', 1]), subscribe([['a/b', 0], ['c/#', 2]]), or Subscription objects (v5 options). */
  subscribe(topic: SubscribeArgs, qos: SubscribeOptions = 0, properties?: V5Properties<P>, options: WaitCallOptions = {}): RequestInfo<SubscribeResult> {
    checkOptionalProperties(properties, 'subscribe() properties');
    checkWaitOptions(options, 'subscribe() options');
    const subscriptions: Subscription[] = toSubscriptions(topic, qos);
    for (const s of subscriptions) checkFilter(s.topicFilter, 'subscribe() topic filter');
    const handle = this.#engine.subscribe(subscriptions, { ...(properties !== undefined ? { properties } : {}), ...waitOptions(options) });
    if (this.#settings.options.resubscribe !== false && handle.rc === PublishRc.SUCCESS) {
      this.#subscribed.add(subscriptions, properties);
      handle.done.then((result) => this.#subscribed.refused(subscriptions, result.reasonCodes), () => undefined);
    }
    return new RequestInfo(handle);
  }

  /** unsubscribe('a/b') or a list; `options` bounds the wait for UNSUBACK ({ signal, timeoutMs }). */
  unsubscribe(topic: string | readonly string[], properties?: V5Properties<P>, options: WaitCallOptions = {}): RequestInfo<UnsubscribeResult> {
    if (typeof topic !== 'string' && !Array.isArray(topic)) throw invalid('unsubscribe() topic', 'a topic filter or a list of them', topic);
    checkOptionalProperties(properties, 'unsubscribe() properties');
    checkWaitOptions(options, 'unsubscribe() options');
    const filters = (typeof topic === 'string' ? [topic] : [...topic]).map((f: unknown) => checkFilter(f, 'unsubscribe() topic filter'));
    if (filters.length === 0) throw refused('no topic to unsubscribe from');
    this.#subscribed.remove(filters);
    const handle = this.#engine.unsubscribe(filters, { ...(properties !== undefined ? { properties } : {}), ...waitOptions(options) });
    return new RequestInfo(handle);
  }

  /** Runs `callback` for messages matching `sub` (every matching filter's callback runs; onMessage only when none does). */
  messageCallbackAdd(sub: string, callback: OnMessage<this>): void {
    checkFilter(sub, 'messageCallbackAdd() sub');
    checkFunction(callback, 'messageCallbackAdd() callback');
    this.#dispatch.add(checkTopicFilter(sub), (message) => callback(this, this.#userdata, message));
  }
  /** Removes the callback messageCallbackAdd() registered for exactly the filter `sub`. */
  messageCallbackRemove(sub: string): void {
    checkFilter(sub, 'messageCallbackRemove() sub');
    this.#dispatch.remove(checkTopicFilter(sub));
  }

  /**
   * MQTT 5 request/response: publishes to `topic` with a Response Topic of this client's own
   * (subscribed once, before the first request) and a fresh Correlation Data, and resolves with the
   * response carrying the same Correlation Data. Rejects TIMEOUT after `timeoutMs` (30 s), ABORTED
   * on `signal`. Any number may be outstanding; responses may come in any order.
   */
  request(topic: string, payload: PayloadInput, options: RequestOptions = {}): Promise<MqttMessage> {
    if (this.#settings.options.protocol !== MQTTv5) return Promise.reject(new MqttError('INVALID_STATE', 'request() needs MQTT 5 (Response Topic and Correlation Data are v5 properties)'));
    this.#requester ??= new Requester(this as never);
    return this.#requester.request(topic, payload, options);
  }

  /**
   * MQTT 5: answers requests on `filter` with what `handler` returns, published to each request's
   * Response Topic with its Correlation Data. Resolves once subscribed, with a function that stops.
   */
  respond(filter: string, handler: (request: MqttMessage) => ResponseValue | Promise<ResponseValue>, options: { readonly qos?: QoS; readonly onError?: (error: unknown, request: MqttMessage) => void } = {}): Promise<() => Promise<void>> {
    if (this.#settings.options.protocol !== MQTTv5) return Promise.reject(new MqttError('INVALID_STATE', 'respond() needs MQTT 5 (Response Topic and Correlation Data are v5 properties)'));
    return respond(this as never, filter, handler, options);
  }

  /**
   * MQTT 5 re-authentication (section 4.12.1) on the live connection, through the same
   * `authenticator` as CONNECT: sends AUTH 0x19, answers each AUTH 0x18 with its challenge(), and
   * resolves with the broker's AUTH 0x00 (reason code and properties) once its complete() accepts
   * it. Messages keep flowing meanwhile. Rejects with INVALID_ARGUMENT for bad options;
   * INVALID_STATE when not MQTT 5, without an authenticator, when not connected, or while another
   * re-authentication is in progress; SERVER_DISCONNECT (with the broker's reason code, such as
   * 0x87) when the broker refuses; CONNECTION_CLOSED, AUTH_ERROR, TIMEOUT or ABORTED.
   *
   * @example
   * ```ts
   * const client = new Client({ protocol: MQTTv5, authenticator: scramAuthenticator({ username: 'user', password: 'pencil' }) });
   * await client.connect('127.0.0.1', 1883);
   * await client.reauthenticate({ timeoutMs: 10_000 });
   * ```
   */
  async reauthenticate(options: ReauthenticateCallOptions = {}): Promise<ReauthResult> {
    const o = checkReauthenticateOptions(options, 'reauthenticate() options');
    if (this.#settings.options.protocol !== MQTTv5) throw new MqttError('INVALID_STATE', 'reauthenticate() needs MQTT 5 (AUTH is a v5 packet)');
    if (this.#settings.options.authenticator === undefined) throw new MqttError('INVALID_STATE', 'reauthenticate() needs the authenticator option');
    if (this.#engine.state !== 'connected') throw new MqttError('INVALID_STATE', `reauthenticate() needs a connection (the client is ${this.#engine.state})`);
    return this.#engine.reauthenticate({ ...(o.data !== undefined ? { data: o.data } : {}), ...waitOptions(o) });
  }

  /**
   * With the `manualAck` option: acknowledges `message` (as `message.ack(reasonCode, properties)`):
   * its PUBACK/PUBREC goes out after those of earlier messages; MQTT 5 `reasonCode` >= 0x80 refuses
   * it. False when there was nothing to ack (QoS 0, acked already, manualAck off, or its connection
   * is gone: the broker redelivers it). INVALID_ARGUMENT for anything but a received message or a bad code.
   */
  ack(message: MqttMessage, reasonCode?: number, properties?: V5Properties<P>): boolean {
    if (!(message instanceof MqttMessageClass)) throw invalid('ack() message', 'a received message', message);
    return message.ack(reasonCode, properties as Properties | undefined);
  }

  /** `for await (const msg of client.messages('sensors/#'))`: messages matching `filter` (default all). */
  messages(filter = '#', options: MessageStreamOptions = {}): AsyncIterableIterator<MqttMessage> {
    checkFilter(filter, 'messages() filter');
    checkStreamOptions(options);
    const manual = this.#settings.options.manualAck === true;
    if (options.manualAck === true && !manual) throw new MqttError('INVALID_ARGUMENT', 'messages({ manualAck: true }) needs the client option manualAck: true');
    const flow = (this.#streamFlow ??= {
      pause: (): void => {
        if (this.#pausedStreams++ === 0) this.#engine.pauseReading();
      },
      resume: (): void => {
        if (--this.#pausedStreams === 0) this.#engine.resumeReading();
      },
    });
    return messageStream(filter, options, (listener) => this.#dispatch.stream(listener), flow, manual && options.manualAck !== true);
  }
  // ---- engine wiring ----------------------------------------------------------------------------

  #set(change: (settings: ClientSettings) => unknown): void {
    // Read by the one engine at the next CONNECT (reconnects included): nothing to rebuild. The
    // queue limit and retry interval apply at once, the in-flight window at the next CONNACK.
    change(this.#settings);
    const s = this.#settings;
    this.#engine.session.configure({ maxQueuedMessages: s.maxQueued, maxInflightMessages: s.maxInflight, retryInterval: s.retrySeconds });
  }

  /** Applies connect()'s arguments; its v5 properties apply to this call's connections only. */
  #target(host: string | readonly ServerSpec[] | undefined, port: number | undefined, keepalive: number | undefined, bindAddress: string | undefined, options: ConnectOptions<P>): void {
    // This call's CONNECT properties must encode (issue 11.7): refused here, before any socket.
    if (options.properties !== undefined) this.#settings.checkConnect({ properties: options.properties }, 'connect() options.properties');
    this.#set((s) => s.setTarget(host, port, keepalive, bindAddress || options.bindAddress, undefined));
    this.#callProperties = options.properties;
    this.#callCleanStart = options.cleanStart;
    this.#acceptedSinceCall = 0;
    this.#connectRequested = true;
    this.#targetSet = true;
  }

  /** The engine's options: the settings as they are now, and a provider it reads at each CONNECT. */
  #engineOptions(): Readonly<Partial<EngineOptions>> {
    return {
      ...this.#settings.engineOptions(this.#platform),
      settings: () => this.#connectSettings(),
      // No log line is formatted unless onLog or a logger will read it.
      wantsLog: () => this.onLog !== undefined || this.#logger !== undefined,
    };
  }

  #connectSettings(): EngineSettings {
    const options = this.#settings.engineOptions(this.#platform);
    const props = this.#callProperties ?? this.#settings.connectProperties;
    const clean = this.#callCleanStart;
    const cleanSession = clean === MQTT_CLEAN_START_FIRST_ONLY ? this.#acceptedSinceCall === 0 : (clean ?? options.cleanSession);
    return { ...options, connectProperties: props, ...(cleanSession !== undefined ? { cleanSession } : {}) };
  }

  /**
   * Wires the one engine's events to the callbacks, once, for the client's life: one listener of
   * every event (one closure per client, not one per event). The diagnostics hook hears each
   * event first, so a channel's subscribers hear of a message before its handlers run.
   */
  #attach(engine: EngineCore): void {
    engine.onEvery((event, arg) => this.#engineEvent(event, arg));
  }

  #engineEvent<K extends EngineEventName>(event: K, arg: EngineEvents[K]): void {
    this.#tracer?.engineEvent?.(event, arg);
    const a = arg as EngineEvents[EngineEventName];
    switch (event) {
      case 'connect': return this.#onConnect(a as ConnackInfo);
      case 'disconnect': return this.#onDisconnect(a as DisconnectInfo);
      case 'message': return this.#onMessage(a as InboundMessage);
      case 'released': return this.#run('onMessageComplete', this.onMessageComplete, this, this.#userdata, (a as EngineEvents['released']).packetId);
      case 'publish': {
        const p = a as PublishResult;
        this.#run('onPublish', this.onPublish, this, this.#userdata, p.mid, p.reasonCode, p.properties);
        if (this.#activity !== undefined && this.#activity.size > 0) this.#poke();
        return;
      }
      case 'subscribe': {
        const s = a as SubscribeResult;
        if (this.#renewals?.delete(s.mid) !== true) this.#run('onSubscribe', this.onSubscribe, this, this.#userdata, s.mid, s.reasonCodes, s.properties);
        return;
      }
      case 'unsubscribe': {
        const u = a as UnsubscribeResult;
        return this.#run('onUnsubscribe', this.onUnsubscribe, this, this.#userdata, u.mid, u.properties, u.reasonCodes);
      }
      case 'log': {
        const entry = a as LogEntry;
        // entry.message may be built lazily: read it only when someone listens.
        if (this.onLog !== undefined || this.#logger !== undefined) this.#log(LOG_LEVELS[entry.level], entry.message);
        return;
      }
      case 'socketOpen': {
        const c = a as TransportConnection;
        this.#socket = c;
        return this.#run('onSocketOpen', this.onSocketOpen, this, this.#userdata, c.raw);
      }
      case 'socketClose': {
        const c = a as TransportConnection;
        this.#run('onSocketClose', this.onSocketClose, this, this.#userdata, c.raw);
        if (this.#socket === c) this.#socket = undefined;
        return;
      }
      case 'socketRegisterWrite': return this.#run('onSocketRegisterWrite', this.onSocketRegisterWrite, this, this.#userdata, (a as TransportConnection).raw);
      case 'socketUnregisterWrite': return this.#run('onSocketUnregisterWrite', this.onSocketUnregisterWrite, this, this.#userdata, (a as TransportConnection).raw);
    }
  }

  #onConnect(c: ConnackInfo): void {
    const engine = this.#engine;
    if (engine.state === 'connected') this.#acceptedSinceCall++;
    // [MQTT-3.2.2-16]: the broker names a client that sent an empty id; core resumes a session under it.
    const assigned = c.properties?.assignedClientIdentifier;
    if (assigned !== undefined && this.#settings.clientId === '') this.#assignedClientId = assigned;
    const onConnect = (): void => this.#run('onConnect', this.onConnect, this, this.#userdata, { sessionPresent: c.sessionPresent }, c.reasonCode, c.properties);
    // No session at the broker: renew what subscribe() subscribed, except what onConnect just did.
    if (engine.state === 'connected' && !c.sessionPresent && this.#settings.options.resubscribe !== false) this.#renew(this.#subscribed.connected(onConnect));
    else onConnect();
    this.#poke();
  }

  #onDisconnect(d: DisconnectInfo): void {
    const engine = this.#engine;
    const rc = pahoRc(d.error);
    this.#run('onDisconnect', this.onDisconnect, this, this.#userdata, rc, d.properties, d.reasonCode);
    this.#poke();
    if (!this.#connectRequested) this.#foreverSettled(MQTT_ERR_SUCCESS);
    // The engine decides whether to reconnect after this event: look once it has.
    else queueMicrotask(() => {
      // loopStop() stops reconnecting, as stopping Paho's network thread does.
      if (this.#reconnectPaused && engine.state === 'reconnect-wait') engine.disconnect().catch(() => undefined);
      // No reconnect will come (autoReconnect off): loopForever() settles with the lost connection's rc.
      else if (engine.state === 'idle' && d.error?.code !== 'CONNECTION_REFUSED') this.#foreverSettled(rc);
    });
  }

  #onMessage(m: InboundMessage): void {
    const engine = this.#engine;
    // manualAck: the message acks itself through the engine; one no handler takes is acked at once.
    // The Session is captured: after reinitialise() (a new Session) an old message acks nothing.
    const session = engine.session;
    const ack = m.qos > 0 && this.#settings.options.manualAck === true
      ? (reasonCode: number | undefined, properties: Properties | undefined): boolean => {
        if (engine.session !== session) return false;
        const outcome = engine.ack(m, { ...(reasonCode !== undefined ? { reasonCode } : {}), ...(properties !== undefined ? { properties } : {}) });
        return outcome === 'sent' || outcome === 'held';
      }
      : undefined;
    const taken = this.#dispatch.dispatch(m, (message) => this.#run('onMessage', this.onMessage, this, this.#userdata, message), (what, error) => this.#callbackThrew(what, error), ack);
    if (ack !== undefined && !taken && this.onMessage === undefined) ack(undefined, undefined);
    this.#poke();
  }

  /** Sends the renewals `resubscribe` asks for; their outcome is logged, not reported as onSubscribe. */
  #renew(renewals: ReturnType<SubscriptionRecord['connected']>): void {
    for (const { subscriptions, properties } of renewals) {
      const filters = subscriptions.map((s) => s.topicFilter).join(', ');
      try {
        const handle = this.#engine.subscribe(subscriptions, properties !== undefined ? { properties } : {});
        const renewals = (this.#renewals ??= new Set());
        renewals.add(handle.mid);
        handle.done.then(
          (result) => {
            this.#subscribed.refused(subscriptions, result.reasonCodes);
            if (result.reasonCodes.some((code) => code >= 0x80)) this.#log(LOG_LEVELS.warning, `resubscribe: the broker refused some of ${filters} (${result.reasonCodes.join(', ')})`);
          },
          (error: unknown) => {
            renewals.delete(handle.mid);
            this.#log(LOG_LEVELS.warning, `resubscribe of ${filters} failed: ${String(error)}`);
          },
        );
      } catch (error) {
        this.#log(LOG_LEVELS.warning, `resubscribe of ${filters} failed: ${String(error)}`);
      }
    }
  }

  #startConnecting(retry: boolean, fail: (error: unknown) => void): void {
    const engine = this.#engine;
    if (engine.state !== 'idle') return;
    let attempt = 0;
    const tryOnce = (): void => {
      engine.connect().catch((error: unknown) => {
        if (!this.#connectRequested) return fail(error);
        // A bad argument stays bad: it is never retried (issue 12.10).
        if (error instanceof MqttError && error.code === 'INVALID_ARGUMENT') {
          this.#log(LOG_LEVELS.error, `connection not retried: ${error.code}: ${error.message}`);
          return fail(error);
        }
        // A refused CONNACK is retried with back-off, as Paho's loop does; an unreachable first server only with `retry`.
        const refused = error instanceof MqttError && error.code === 'CONNECTION_REFUSED';
        if (!retry && !refused) return fail(error);
        // The first connection is retried with the same back-off policy as reconnects.
        const delay = reconnectDelay(attempt++, this.#settings.reconnectDelay);
        this.#log(LOG_LEVELS.warning, `connection failed (${String(error)}); retrying in ${delay} ms`);
        setTimeout(() => {
          if (this.#connectRequested && engine.state === 'idle') tryOnce();
        }, delay);
      });
    };
    tryOnce();
  }

  #foreverSettled(rc: number): void {
    const done = this.#foreverDone;
    this.#foreverDone = undefined;
    done?.resolve(rc);
  }

  #poke(): void {
    if (this.#activity === undefined || this.#activity.size === 0) return;
    for (const wake of [...this.#activity]) wake();
  }

  #log(level: (typeof LOG_LEVELS)[keyof typeof LOG_LEVELS], line: string): void {
    if (this.onLog === undefined && this.#logger === undefined) return;
    const password = this.#settings.password;
    const secrets = typeof password === 'string' ? [password] : [];
    const safe = redactSecrets(line, secrets);
    this.onLog?.(this, this.#userdata, level, safe);
    this.#logger?.[LOG_LEVEL_METHOD[level]](safe);
  }
}

/** subscribe()/unsubscribe()'s wait bounds, passed on only when given. */
function waitOptions(options: WaitCallOptions): { signal?: AbortSignal; timeoutMs?: number } {
  return { ...(options.signal !== undefined ? { signal: options.signal } : {}), ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) };
}
