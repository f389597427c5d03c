// The Client users import: the seed's (Paho 1.5) whole API in camelCase, plus MQTT 5, Promises,
// AbortSignal and async iteration. It holds settings and callbacks only; the protocol lives in
// core's MqttEngine, and the transports come from the injected Platform (Node or browser).
import { MqttError, type Properties, type QoS, type Subscription } from '@x/mqtt-codec';
import { MqttEngine, reconnectDelay, toSubscriptions, type ConnectResult, type SubscribeArgs, type SubscribeOptions, type SubscribeResult, type TransportConnection, type UnsubscribeResult } from '@x/mqtt-core';
import type { OnConnect, OnDisconnect, OnLog, OnMessage, OnPublish, OnSocket, OnSubscribe, OnUnsubscribe } from './callbacks.js';
import type { ClientOptions, ProxySettings, ServerSpec, TlsSettings, V5Properties, WsSettings } from './client-options.js';
import { DEFAULT_WS_PATH } from './client-options.js';
import { ClientSettings } from './client-settings.js';
import { MQTT_ERR_INVAL, MQTT_ERR_NO_CONN, MQTT_ERR_SUCCESS, MQTTv311, type MqttProtocol } from './constants.js';
import { LOG_LEVEL_METHOD, redactSecrets, type Logger } from './logger.js';
import { MessageInfo, RequestInfo, type MqttMessage } from './message.js';
import { MessageDispatch } from './message-dispatch.js';
import { messageStream, type MessageStreamOptions } from './message-stream.js';
import { LOG_LEVELS, pahoRc } from './paho-rc.js';
import { checkQos, checkTopicFilter, checkTopicName, toPayload, type PayloadInput } from './payload.js';
import type { Platform } from './platform.js';

/** connect()'s extra options. */
export interface ConnectOptions<P extends MqttProtocol = MqttProtocol> {
  /** Paho's bind_address. */
  bindAddress?: string;
  /** v5 CONNECT properties for this connection. */
  properties?: V5Properties<P>;
  /** Gives up waiting (rejects with ABORTED). */
  signal?: AbortSignal;
  /** connectSrv(): DNS servers to ask (`ip` or `ip:port`). Defaults to the system's. */
  dnsServers?: readonly string[];
}

/** Failures after which connect() tries the next server of a list. */
const UNREACHABLE: ReadonlySet<string> = new Set(['TRANSPORT_ERROR', 'CONNECT_TIMEOUT', 'TLS_ERROR', 'PROXY_ERROR', 'CONNECTION_CLOSED']);

/**
 * The client, for any platform. `P` is the protocol level, inferred from `options.protocol`:
 * with `protocol: MQTTv31` or `MQTTv311` given, MQTT 5 properties are a compile error.
 */
export class ClientBase<P extends MqttProtocol = MqttProtocol> {
  onConnect: OnConnect<this> | undefined;
  onDisconnect: OnDisconnect<this> | undefined;
  onMessage: OnMessage<this> | undefined;
  onPublish: OnPublish<this> | undefined;
  onSubscribe: OnSubscribe<this> | undefined;
  onUnsubscribe: OnUnsubscribe<this> | undefined;
  onLog: OnLog<this> | undefined;
  onSocketOpen: OnSocket<this> | undefined;
  onSocketClose: OnSocket<this> | undefined;
  onSocketRegisterWrite: OnSocket<this> | undefined;
  onSocketUnregisterWrite: OnSocket<this> | undefined;

  readonly #platform: Platform;
  #settings: ClientSettings;
  #userdata: unknown;
  #logger: Logger | undefined;
  readonly #dispatch = new MessageDispatch();
  #engine: MqttEngine | undefined;
  #engineDirty = true;
  #detach: Array<() => void> = [];
  #socket: TransportConnection | undefined;
  #loopStarted = false;
  #reconnectPaused = false;
  #connectRequested = false;
  #foreverDone: { resolve(): void } | undefined;
  readonly #activity = new Set<() => void>();

  constructor(platform: Platform, options: ClientOptions<P> = {}) {
    this.#platform = platform;
    this.#settings = new ClientSettings(options);
    this.#userdata = options.userdata;
  }

  /** Resets the client to its starting state, as if just created (Paho's reinitialise). */
  reinitialise(options: ClientOptions = {}): void {
    const settings = new ClientSettings({ protocol: this.#settings.options.protocol, transport: this.#settings.options.transport, ...options });
    this.#dropEngine();
    this.#engine?.disconnect().catch(() => undefined);
    this.#engine = undefined;
    this.#dispatch.clear();
    this.#settings = settings;
    this.#userdata = options.userdata;
    this.#connectRequested = false;
    this.#engineDirty = true;
  }

  // ---- option functions (before connect*) ---------------------------------------------------

  get protocol(): MqttProtocol {
    return this.#settings.options.protocol ?? MQTTv311;
  }
  get clientId(): string {
    return this.#settings.clientId;
  }
  maxInflightMessagesSet(inflight: number): void {
    this.#set((s) => s.setMaxInflight(inflight));
  }
  maxQueuedMessagesSet(queueSize: number): void {
    this.#set((s) => s.setMaxQueued(queueSize));
  }
  messageRetrySet(retrySeconds: number): void {
    this.#set((s) => s.setRetry(retrySeconds));
  }
  wsSetOptions(options: { path?: string; headers?: WsSettings['headers'] } = {}): void {
    this.#set((s) => (s.ws = { path: options.path ?? DEFAULT_WS_PATH, headers: options.headers }));
  }
  tlsSet(settings: TlsSettings = {}): void {
    this.#set((s) => s.setTls(settings));
  }
  tlsSetContext(context: unknown): void {
    this.#set((s) => s.setTls({ secureContext: context }));
  }
  tlsInsecureSet(value: boolean): void {
    this.#set((s) => s.setTlsInsecure(value));
  }
  proxySet(proxy: ProxySettings): void {
    this.#set((s) => (s.proxy = { ...proxy }));
  }
  usernamePwSet(username: string, password?: string | Uint8Array): void {
    this.#set((s) => {
      s.username = username;
      s.password = password;
    });
  }
  userDataSet(userdata: unknown): void {
    this.#userdata = userdata;
  }
  /** The will: published by the broker if the connection is lost without disconnect(). */
  willSet(topic: string, payload?: PayloadInput, qos: QoS = 0, retain = false, properties?: V5Properties<P>): void {
    const will = { topic: checkTopicName(topic), payload: toPayload(payload), qos: checkQos(qos), retain, ...(properties !== undefined ? { properties } : {}) };
    this.#set((s) => (s.will = will));
  }
  willClear(): void {
    this.#set((s) => (s.will = undefined));
  }
  reconnectDelaySet(minDelay: number | { minDelay?: number; maxDelay?: number } = 1, maxDelay = 120): void {
    const min = typeof minDelay === 'object' ? (minDelay.minDelay ?? 1) : minDelay;
    const max = typeof minDelay === 'object' ? (minDelay.maxDelay ?? 120) : maxDelay;
    this.#set((s) => s.setReconnectDelay(min, max));
  }
  enableLogger(logger: Logger = console): void {
    this.#logger = logger;
  }
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
    this.connectAsync(host, port, keepalive, bindAddress, options);
    const engine = this.#engineForConnect();
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
    this.#set((s) => s.setTarget(host, port, keepalive, bindAddress || options.bindAddress, options.properties));
    this.#connectRequested = true;
  }

  /** Looks up `_mqtt._tcp.<domain>` (or `_secure-mqtt._tcp` with TLS) and connects, failing over in SRV order. */
  async connectSrv(domain?: string, keepalive?: number, bindAddress?: string, options: ConnectOptions<P> = {}): Promise<ConnectResult> {
    const resolveSrv = this.#platform.resolveSrv;
    if (resolveSrv === undefined) throw new MqttError('INVALID_STATE', 'connectSrv() needs DNS, which this runtime does not offer');
    const targets = await resolveSrv(domain, this.#settings.tls !== undefined, options.dnsServers);
    if (targets.length === 0) throw new MqttError('DNS_ERROR', `no SRV records for ${domain ?? 'the local domain'}`);
    return this.connect(targets, undefined, keepalive, bindAddress, options);
  }

  /** Reconnects with the previous connect() details. */
  reconnect(options: { signal?: AbortSignal } = {}): Promise<ConnectResult> {
    if (!this.#connectRequested) throw new MqttError('INVALID_STATE', 'call connect() before reconnect()');
    const engine = this.#engine;
    if (engine === undefined || engine.state === 'idle') return this.#engineForConnect().connect(options);
    return engine.reconnect(options);
  }

  /** Sends DISCONNECT (v5: with a reason code and properties) and closes; no will is published. */
  async disconnect(reasonCode?: number, properties?: V5Properties<P>): Promise<number> {
    const engine = this.#engine;
    this.#connectRequested = false;
    const active = engine !== undefined && engine.state !== 'idle';
    if (active) await engine.disconnect({ ...(reasonCode !== undefined ? { reasonCode } : {}), ...(properties !== undefined ? { properties } : {}) });
    // loopForever() settles even when no connection was up (waiting to reconnect).
    this.#foreverSettled();
    return active ? MQTT_ERR_SUCCESS : MQTT_ERR_NO_CONN;
  }

  isConnected(): boolean {
    return this.#engine?.state === 'connected';
  }

  // ---- network loop ---------------------------------------------------------------------------
  // In JavaScript the runtime's event loop does the I/O; these keep the seed's contract.

  /** Connects if connectAsync() was used, keeps reconnecting, and resolves when disconnect() is called. */
  loopForever(options: { retryFirstConnection?: boolean } = {}): Promise<number> {
    if (this.#foreverDone !== undefined) return Promise.resolve(MQTT_ERR_INVAL);
    this.#reconnectPaused = false;
    const done = new Promise<number>((resolve, reject) => {
      this.#foreverDone = { resolve: () => resolve(MQTT_ERR_SUCCESS) };
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
    if (this.#loopStarted) return MQTT_ERR_INVAL;
    this.#loopStarted = true;
    this.#reconnectPaused = false;
    if (this.#connectRequested && !this.isConnected()) this.#startConnecting(true, () => undefined);
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
    if (!this.isConnected()) return Promise.resolve(MQTT_ERR_NO_CONN);
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#activity.delete(done);
        resolve(this.isConnected() ? MQTT_ERR_SUCCESS : MQTT_ERR_NO_CONN);
      };
      const timer = setTimeout(done, timeout * 1000);
      this.#activity.add(done);
    });
  }

  /** External-loop compatibility: reading is event-driven here, so these report the state only. */
  loopRead(): number {
    return this.isConnected() ? MQTT_ERR_SUCCESS : MQTT_ERR_NO_CONN;
  }
  loopWrite(): number {
    return this.isConnected() ? MQTT_ERR_SUCCESS : MQTT_ERR_NO_CONN;
  }
  loopMisc(): number {
    return this.isConnected() ? MQTT_ERR_SUCCESS : MQTT_ERR_NO_CONN;
  }
  /** The socket in use (net.Socket, tls.TLSSocket, WebSocket), or undefined. */
  socket(): unknown {
    return this.#socket?.raw;
  }
  /** True while writes wait for the socket to drain. */
  wantWrite(): boolean {
    return this.#engine?.wantWrite() ?? false;
  }

  // ---- publish / subscribe --------------------------------------------------------------------

  /** Publishes; `await` it (or waitForPublish()) for completion. Throws INVALID_TOPIC/INVALID_QOS/PACKET_TOO_LARGE. */
  publish(topic: string, payload?: PayloadInput, qos: QoS = 0, retain = false, properties?: V5Properties<P>): MessageInfo {
    // The session checks the topic name and QoS (INVALID_TOPIC, INVALID_QOS) before anything is queued.
    const handle = this.#ensureEngine().publish(topic, toPayload(payload), {
      qos,
      retain,
      ...(properties !== undefined ? { properties } : {}),
    });
    return new MessageInfo(handle);
  }

  /** subscribe('a/b', 1), subscribe(['a/b', 1]), subscribe([['a/b', 0], ['c/#', 2]]), or Subscription objects (v5 options). */
  subscribe(topic: SubscribeArgs, qos: SubscribeOptions = 0, properties?: V5Properties<P>): RequestInfo<SubscribeResult> {
    const subscriptions: Subscription[] = toSubscriptions(topic, qos);
    const handle = this.#ensureEngine().subscribe(subscriptions, properties !== undefined ? { properties } : {});
    return new RequestInfo(handle);
  }

  unsubscribe(topic: string | readonly string[], properties?: V5Properties<P>): RequestInfo<UnsubscribeResult> {
    const filters = (typeof topic === 'string' ? [topic] : [...topic]).map(checkTopicFilter);
    if (filters.length === 0) throw new MqttError('INVALID_ARGUMENT', 'no topic to unsubscribe from');
    const handle = this.#ensureEngine().unsubscribe(filters, properties !== undefined ? { properties } : {});
    return new RequestInfo(handle);
  }

  /** Runs `callback` for messages matching `sub` (every matching filter's callback runs; onMessage only when none does). */
  messageCallbackAdd(sub: string, callback: OnMessage<this>): void {
    this.#dispatch.add(checkTopicFilter(sub), (message) => callback(this, this.#userdata, message));
  }
  messageCallbackRemove(sub: string): void {
    this.#dispatch.remove(checkTopicFilter(sub));
  }

  /** `for await (const msg of client.messages('sensors/#'))`: messages matching `filter` (default all). */
  messages(filter = '#', options: MessageStreamOptions = {}): AsyncIterableIterator<MqttMessage> {
    return messageStream(filter, options, (listener) => this.#dispatch.stream(listener));
  }
  // ---- engine wiring ----------------------------------------------------------------------------

  #set(change: (settings: ClientSettings) => unknown): void {
    change(this.#settings);
    this.#engineDirty = true;
  }

  /** The engine for a new connection: rebuilt with the current settings when they changed and it is idle. */
  #engineForConnect(): MqttEngine {
    const engine = this.#engine;
    if (engine !== undefined && (engine.state !== 'idle' || !this.#engineDirty)) return engine;
    return this.#buildEngine();
  }

  #ensureEngine(): MqttEngine {
    return this.#engine ?? this.#buildEngine();
  }

  #buildEngine(): MqttEngine {
    const previous = this.#engine;
    this.#dropEngine();
    const engine = new MqttEngine(this.#settings.engineOptions(this.#platform));
    // Messages queued before this connect() (or by an earlier engine) carry over, with their completions.
    if (previous !== undefined && this.#settings.options.sessionStore === undefined) engine.adopt(previous);
    this.#attach(engine);
    this.#engine = engine;
    this.#engineDirty = false;
    return engine;
  }

  #dropEngine(): void {
    for (const off of this.#detach) off();
    this.#detach = [];
  }

  #attach(engine: MqttEngine): void {
    const on = this.#detach;
    on.push(engine.on('connect', (c) => {
      this.onConnect?.(this, this.#userdata, { sessionPresent: c.sessionPresent }, c.reasonCode, c.properties);
      this.#poke();
    }));
    on.push(engine.on('disconnect', (d) => {
      this.onDisconnect?.(this, this.#userdata, pahoRc(d.error), d.properties, d.reasonCode);
      this.#poke();
      if (!this.#connectRequested) this.#foreverSettled();
      // loopStop() stops reconnecting, as stopping Paho's network thread does.
      else if (this.#reconnectPaused && engine.state === 'reconnect-wait') engine.disconnect().catch(() => undefined);
    }));
    on.push(engine.on('message', (m) => {
      this.#dispatch.dispatch(m, (message) => this.onMessage?.(this, this.#userdata, message), (what, error) => this.#log(LOG_LEVELS.error, `${what} threw: ${String(error)}`));
      this.#poke();
    }));
    on.push(engine.on('publish', (p) => {
      this.onPublish?.(this, this.#userdata, p.mid, p.reasonCode, p.properties);
      this.#poke();
    }));
    on.push(engine.on('subscribe', (s) => this.onSubscribe?.(this, this.#userdata, s.mid, s.reasonCodes, s.properties)));
    on.push(engine.on('unsubscribe', (u) => this.onUnsubscribe?.(this, this.#userdata, u.mid, u.properties, u.reasonCodes)));
    on.push(engine.on('log', (entry) => {
      // entry.message may be built lazily: read it only when someone listens.
      if (this.onLog !== undefined || this.#logger !== undefined) this.#log(LOG_LEVELS[entry.level], entry.message);
    }));
    on.push(engine.on('socketOpen', (c) => {
      this.#socket = c;
      this.onSocketOpen?.(this, this.#userdata, c.raw);
    }));
    on.push(engine.on('socketClose', (c) => {
      this.onSocketClose?.(this, this.#userdata, c.raw);
      if (this.#socket === c) this.#socket = undefined;
    }));
    on.push(engine.on('socketRegisterWrite', (c) => this.onSocketRegisterWrite?.(this, this.#userdata, c.raw)));
    on.push(engine.on('socketUnregisterWrite', (c) => this.onSocketUnregisterWrite?.(this, this.#userdata, c.raw)));
  }

  #startConnecting(retry: boolean, fail: (error: unknown) => void): void {
    const engine = this.#engineForConnect();
    if (engine.state !== 'idle') return;
    let attempt = 0;
    const tryOnce = (): void => {
      engine.connect().catch((error: unknown) => {
        if (!retry || !this.#connectRequested) return fail(error);
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

  #foreverSettled(): void {
    const done = this.#foreverDone;
    this.#foreverDone = undefined;
    done?.resolve();
  }

  #poke(): void {
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
