// The runtime-neutral client engine: ONE per client for its whole life. It binds a Session to
// Transports and Timers, reads the current settings at each CONNECT, performs the Session's effects
// in order (an async SessionStore holds back later effects), and runs the reconnect loop.
// Invariants: at most one open (connection attempt or connection) at a time; every request handle
// settles exactly once. No node:* imports. Links and requests live in their own files. Past 400
// lines: opening, effects and reconnecting share the current link, the open attempt and the
// request table; split further along the open attempt (an Opening object) when it next grows.

import { MqttError, isMqttError } from '@x/mqtt-codec';
import type { Properties, Subscription } from '@x/mqtt-codec';
import { reconnectDelay } from '../session/backoff.js';
import { PublishRc } from '../session/effects.js';
import type { CommandResult, SessionEffect, TimerKind } from '../session/effects.js';
import type { Packet } from '@x/mqtt-codec';
import { Session } from '../session/session.js';
import type { AckOptions, AckResult, AckTarget } from '../session/session.js';
import type { SessionOptions } from '../session/session-options.js';
import type { Transport, TransportConnection } from '../transport.js';
import { textBytes } from './text-bytes.js';
import { Completion } from './completion.js';
import { deferred } from './deferred.js';
import type { Deferred } from './deferred.js';
import { describePacket } from './describe-packet.js';
import type { EngineObserver } from './engine-observer.js';
import { Emitter } from './emitter.js';
import { createExternalLoop, type ExternalLoopFactory, type LoopDriver, type LoopStatus } from './external-loop.js';
import { Link } from './link.js';
import type { WriteGate, WriteGateEvents } from './write-gate.js';
import { PublishCompletion, RequestTable } from './request-table.js';
import type {
  ConnectCallOptions, ConnectResult, DisconnectOptions, EngineEvents, EngineOptions, EngineSettings, EngineState, LogLevel,
  PublishHandle, PublishOptions, PublishResult, ReauthenticateOptions, ReauthResult, RequestHandle, RequestOptions,
  SubscribeResult, UnsubscribeResult, EngineStats, EngineListener,
} from './engine-types.js';
import { DEFAULT_AUTO_RECONNECT, DEFAULT_BACKOFF_RESET_AFTER, DEFAULT_MAX_UNACKED_INBOUND } from './engine-types.js';
import { defaultTimers } from './timers.js';
import type { TimerHandle, Timers } from './timers.js';

type Options = Readonly<Partial<EngineOptions>>;

const TIMER_KINDS: readonly TimerKind[] = ['connect', 'keepalive', 'pingTimeout', 'retry'];
const aborted = (why = 'aborted'): MqttError => new MqttError('ABORTED', why);
const authError = (what: string, cause: unknown): MqttError =>
  isMqttError(cause) ? cause : new MqttError('AUTH_ERROR', `${what}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });

/** Session options from engine options: an authenticator's method and data go into CONNECT. */
function sessionOptions(options: EngineSettings, store: boolean): Partial<SessionOptions> {
  const auth = options.authenticator;
  const out: Partial<SessionOptions> = { ...options, persistEffects: store };
  if (auth !== undefined) {
    out.connectProperties = {
      ...options.connectProperties,
      authenticationMethod: auth.method,
      ...(auth.initialData !== undefined ? { authenticationData: auth.initialData } : {}),
    };
  }
  return out;
}

/** publish()'s options when none are given: one object, not one per call. */
const NO_OPTIONS: PublishOptions = Object.freeze({});

/** A write gate's events as engine events: socketRegisterWrite and socketUnregisterWrite. */
class GateSignals implements WriteGateEvents {
  readonly #events: Emitter<EngineEvents>;

  constructor(events: Emitter<EngineEvents>) {
    this.#events = events;
  }

  blocked(connection: TransportConnection): void {
    this.#events.emit('socketRegisterWrite', connection);
  }

  unblocked(connection: TransportConnection): void {
    this.#events.emit('socketUnregisterWrite', connection);
  }
}

/**
 * The client engine the facade and helpers share, without the external-loop code (given as a
 * factory, see the constructor): what a browser bundle carries. See the README for the full contract.
 */
export class EngineCore {
  #session: Session;
  readonly #timers: Timers;
  /** Set in external-loop mode: the caller's loop reads, writes and runs the (recorded) timers. */
  readonly #external: LoopDriver | undefined;
  /** externalLoop was asked of an EngineCore given no loop factory: every connect is refused. */
  readonly #loopMissing: boolean;
  #options: Options;
  /** The constructor's options overlaid with the settings read for the current connection. */
  #live: Options;
  readonly #events: Emitter<EngineEvents>;
  readonly #requests = new RequestTable();
  /** The Session's timers now set, by kind (a small fixed-shape object, not a Map: less memory per client). */
  readonly #timerHandles: Record<TimerKind, TimerHandle | undefined> = { connect: undefined, keepalive: undefined, pingTimeout: undefined, retry: undefined };
  #state: EngineState = 'idle';
  /** The open (or opening) connection; undefined while there is none. */
  #link: Link | undefined;
  /** The connection attempt in progress: one at a time. */
  #opening: Promise<ConnectResult> | undefined;
  #abortOpen: ((error: MqttError) => void) | undefined;
  #connack: Deferred<ConnectResult> | undefined;
  #transportIndex = 0;
  /** What crossed the wire, over the engine's life (stats()). */
  readonly #counts = { packetsSent: 0, bytesSent: 0, bytesReceived: 0, messagesSent: 0, messagesReceived: 0, connections: 0 };
  #attempt = 0;
  #connectedAt = 0;
  /** A CONNACK accepted the current link. */
  #up = false;
  /** pauseReading() is in force. */
  #readPaused = false;
  /** manualAck: reading is paused because maxUnackedInbound messages wait for their ack. */
  #ackPaused = false;
  #wanted = false;
  #storeLoaded = false;
  #queue: SessionEffect[] = [];
  #queueHead = 0;
  #pumping = false;
  #reconnectTimer: TimerHandle | undefined;
  #deadLink: MqttError | undefined;
  /** Woken when a publish completes or fails, or the link drops (disconnect({ flush })). */
  #progress: Deferred<void> | undefined;
  /** The re-authentication someone waits for; undefined when none, or when its caller stopped waiting. */
  #reauth: Completion<ReauthResult> | undefined;
  /** Diagnostics: told of every packet while its `active` is true; unset costs one check per packet. */
  #observer: EngineObserver | undefined;

  /**
   * `createLoop` builds the external loop when `options.externalLoop` is true (MqttEngine passes
   * it; without it an externalLoop engine refuses every transport at connect, as it refuses one
   * that cannot be read on demand), so that a bundle for browsers carries no external-loop code.
   */
  constructor(options: Options, createLoop?: ExternalLoopFactory) {
    const t = options.transports;
    const transports = t === undefined ? [] : Array.isArray(t) ? (t as readonly Transport[]) : [t as Transport];
    if (transports.length === 0 && options.settings === undefined) throw new MqttError('INVALID_ARGUMENT', 'at least one transport is needed');
    const timers = options.timers ?? defaultTimers;
    this.#external = options.externalLoop === true ? createLoop?.(() => timers.now(), () => this.#link) : undefined;
    this.#loopMissing = options.externalLoop === true && createLoop === undefined;
    this.#timers = this.#external?.timers ?? timers;
    this.#options = options;
    this.#live = options;
    this.#session = new Session(sessionOptions(options, options.store !== undefined));
    this.#events = new Emitter((error, event) => this.#log('error', `listener for ${String(event)} threw: ${String(error)}`));
  }

  /** The one Session (replaced only by reset()). */
  get session(): Session {
    return this.#session;
  }

  /** Where the engine is: idle, connecting, connected, reconnect-wait or disconnecting. */
  get state(): EngineState {
    return this.#state;
  }

  /**
   * The connection as negotiated and what crossed it: the Session's stats (limits, counts both
   * ways, ping round trip, idle time) plus packets, bytes and messages sent and received and the
   * reconnect count. Cheap: counters and a few getters, no allocation beyond the result.
   */
  stats(): EngineStats {
    const c = this.#counts;
    const t = this.#live.transports;
    const transports = t === undefined ? [] : Array.isArray(t) ? (t as readonly Transport[]) : [t as Transport];
    const index = transports.length === 0 ? 0 : this.#transportIndex % transports.length;
    return {
      ...this.#session.stats(this.#timers.now()),
      engineState: this.#state,
      transportIndex: index,
      transport: transports[index]?.name,
      packetsSent: c.packetsSent,
      bytesSent: c.bytesSent,
      bytesReceived: c.bytesReceived,
      messagesSent: c.messagesSent,
      messagesReceived: c.messagesReceived,
      reconnects: Math.max(0, c.connections - 1),
      requestsWaiting: this.#requests.size,
      writesHeld: this.#link?.gate?.qos0Backlog ?? 0,
    };
  }

  /** The connection in use (open or opening), or undefined. */
  get connection(): Link['connection'] {
    return this.#link?.connection;
  }

  /**
   * Stops reading from the broker (the transport is paused, so nothing more is received, and
   * so nothing more is acknowledged) until resumeReading(); applies to later connections too,
   * once their CONNACK is in. A no-op on a transport without pause().
   */
  pauseReading(): void {
    this.#readPaused = true;
    if (this.#state === 'connected') this.#link?.connection?.pause?.();
  }

  /** Undoes pauseReading(): the connection reads again (in external-loop mode only loopRead() reads). */
  resumeReading(): void {
    this.#readPaused = false;
    // In external-loop mode the connection stays paused: only loopRead() reads.
    if (this.#external === undefined && !this.#ackPaused) this.#link?.connection?.resume?.();
  }

  /**
   * manualAck: the application is done with `message` (from the `message` event). Its PUBACK or
   * PUBREC goes out in PUBLISH-arrival order (held until earlier messages are acked); v5 may refuse
   * with a reason code >= 0x80. Answers the Session's outcome: `stale` (its connection is gone: the
   * broker redelivers it) and `unknown` (QoS 0, acked already) send nothing. Reading resumes once
   * fewer than the bound are unacknowledged. Throws INVALID_ARGUMENT for a bad reason code.
   */
  ack(message: AckTarget, options: AckOptions = {}): AckResult['outcome'] {
    const result = this.#session.ack(message, options, this.#timers.now());
    this.#apply(result.effects);
    this.#flowControl();
    return result.outcome;
  }

  /** True while writes are blocked by back-pressure, or (external loop) wait for loopWrite() (Paho's want_write). */
  wantWrite(): boolean {
    return this.#link?.gate?.blocked ?? false;
  }

  // ---- external loop (options.externalLoop; 'not-supported' otherwise) --------------------

  /** Reads what the paused socket holds and processes it (Paho's loop_read). */
  loopRead(): LoopStatus {
    return this.#external?.read() ?? 'not-supported';
  }

  /** Writes what is held for the socket, until it is full (Paho's loop_write). */
  loopWrite(): LoopStatus {
    return this.#external?.write() ?? 'not-supported';
  }

  /** Runs the due timers: keepalive, retries, timeouts, reconnect (Paho's loop_misc). */
  loopMisc(): LoopStatus {
    return this.#external?.misc() ?? 'not-supported';
  }

  /** External loop: when loopMisc() next has a timer to run (ms, engine clock); undefined when none. */
  get nextTimerAt(): number | undefined {
    return this.#external?.timers.nextAt;
  }

  /**
   * Sets (or, with undefined, removes) the packet observer: told of each packet sent and received
   * while its `active` getter is true. Diagnostics use it; one observer at a time.
   */
  observe(observer: EngineObserver | undefined): void {
    this.#observer = observer;
  }

  /** Adds a listener for `event`; returns a function that removes it. A listener that throws is logged and does not stop the others. */
  on<K extends keyof EngineEvents>(event: K, listener: (arg: EngineEvents[K]) => void): () => void {
    return this.#events.on(event, listener);
  }

  /**
   * Sets the one listener told of every event (its name and argument), before the on() listeners;
   * returns a function that removes it. One at a time: a second call replaces the first. For a
   * facade that handles every event: one closure per client instead of one per event.
   */
  onEvery(listener: EngineListener): () => void {
    return this.#events.onEvery(listener);
  }

  /** Removes a listener added with on(). */
  off<K extends keyof EngineEvents>(event: K, listener: (arg: EngineEvents[K]) => void): void {
    this.#events.off(event, listener);
  }

  /**
   * Connects (CONNECT/CONNACK) with the settings current now. Rejects with INVALID_STATE while
   * another connect is in progress or connected; CONNECTION_REFUSED, CONNECT_TIMEOUT, ABORTED, ...
   */
  connect(options: ConnectCallOptions = {}): Promise<ConnectResult> {
    if (this.#state === 'connected' || this.#opening !== undefined) {
      return Promise.reject(new MqttError('INVALID_STATE', `connect() while ${this.#opening !== undefined ? 'connecting' : this.#state}`));
    }
    this.#cancelReconnect();
    this.#wanted = true;
    return this.#open(options.signal);
  }

  /**
   * Drops the current connection (if any) and connects again at once. While a connection attempt
   * is in progress, answers with that attempt instead of starting a second one.
   */
  reconnect(options: ConnectCallOptions = {}): Promise<ConnectResult> {
    if (this.#opening !== undefined) return this.#opening;
    this.#cancelReconnect();
    this.#wanted = false; // the dropped link must not schedule a reconnect of its own
    if (this.#link !== undefined) this.#drop(new MqttError('CONNECTION_CLOSED', 'closed by reconnect()'));
    this.#wanted = true;
    return this.#open(options.signal);
  }

  /**
   * Sends DISCONNECT (v5: with reasonCode/properties), closes, and stops reconnecting. Aborts a
   * connection attempt in progress (its connect() rejects with ABORTED). With `flush`, waits first
   * until no QoS>0 message is in flight or queued, or `timeoutMs` ran out.
   */
  async disconnect(options: DisconnectOptions = {}): Promise<void> {
    this.#wanted = false;
    this.#cancelReconnect();
    if (options.flush === true && this.#state === 'connected') await this.#flush(options.timeoutMs);
    const opening = this.#opening;
    if (opening !== undefined) {
      this.#abortOpen?.(aborted('aborted by disconnect()'));
      await opening.catch(() => undefined);
    }
    const link = this.#link;
    if (link === undefined) {
      if (this.#state !== 'connected') this.#state = 'idle';
      return;
    }
    this.#state = 'disconnecting';
    const props = { ...(options.reasonCode !== undefined ? { reasonCode: options.reasonCode } : {}), ...(options.properties !== undefined ? { properties: options.properties } : {}) };
    this.#apply(this.#session.disconnect(props, this.#timers.now()));
    await link.closed;
  }

  /**
   * Resets the engine to a fresh Session with `options` (Paho's reinitialise): closes any
   * connection, and rejects every pending request with `error` (what they could not finish).
   */
  reset(options: Options, error: MqttError): void {
    this.#wanted = false;
    this.#cancelReconnect();
    this.#requests.rejectAll(error);
    this.#endReauth()?.reject(error);
    this.#abortOpen?.(error);
    if (this.#link !== undefined) this.#drop(error);
    this.#clearTimers();
    this.#queue = [];
    this.#queueHead = 0;
    this.#options = options;
    this.#live = options;
    this.#storeLoaded = false;
    this.#attempt = 0;
    this.#transportIndex = 0;
    this.#state = 'idle';
    this.#session = new Session(sessionOptions(options, options.store !== undefined));
  }

  /** Publishes; queued while disconnected (rc NO_CONNECTION), refused when the queue is full (rc QUEUE_FULL). */
  publish(topic: string, payload: Uint8Array | string, options: PublishOptions = NO_OPTIONS): PublishHandle {
    const qos = options.qos ?? 0;
    const bytes = typeof payload === 'string' ? textBytes(payload) : payload;
    if (qos === 0 && options.properties === undefined) {
      const now = this.#timers.now();
      const wire = this.#session.publishQos0(topic, bytes, options.retain ?? false, now, this.#link?.gate?.qos0Backlog ?? 0);
      if (wire !== undefined) return this.#sentQos0(wire, topic, bytes, options);
    }
    const request = options.properties === undefined
      ? { topic, payload: bytes, qos, retain: options.retain ?? false }
      : { topic, payload: bytes, qos, retain: options.retain ?? false, properties: options.properties };
    const result = this.#session.publish(request, this.#timers.now(), this.#link?.gate?.qos0Backlog ?? 0);
    const handle = new PublishCompletion(result.mid, result.rc, qos === 0);
    if (result.rc === PublishRc.QUEUE_FULL) {
      handle.reject(new MqttError('QUEUE_FULL', 'maxQueuedMessages reached: message dropped'));
      return handle;
    }
    if (this.#options.store !== undefined && qos > 0) handle.stored = this.#requests.awaitStore(result.mid);
    return this.#track(handle, result, options);
  }

  /**
   * What the `send` and `published` effects of a QoS 0 publish would do, without them: the Session
   * encoded the message (publishQos0); it is written, and complete once written.
   */
  #sentQos0(wire: Uint8Array, topic: string, payload: Uint8Array, options: PublishOptions): PublishHandle {
    const mid = this.#session.lastMid;
    const handle = new PublishCompletion(mid, PublishRc.SUCCESS, true);
    const traced = this.#logging() || (this.#observer !== undefined && this.#observer.active);
    this.#write(traced ? { type: 'publish', topic, payload, qos: 0, retain: options.retain ?? false, dup: false } : undefined, wire, true);
    const result: PublishResult = { mid, reasonCode: 0, properties: undefined };
    const gate = this.#link?.gate;
    if (gate === undefined || !gate.holdsLastWrite) {
      this.#published(handle, result);
      return handle;
    }
    // The bytes wait for drain: complete when they are written, fail if the connection goes first.
    if (options.signal !== undefined) handle.watch(options, this.#timers);
    this.#publishedOnWrite(gate, handle, result);
    return handle;
  }

  /** Subscribes (rc NO_CONNECTION and a rejected `done` when not connected, as in Paho). */
  subscribe(subscriptions: Subscription | readonly Subscription[], options: RequestOptions = {}): RequestHandle<SubscribeResult> {
    const list = Array.isArray(subscriptions) ? (subscriptions as readonly Subscription[]) : [subscriptions as Subscription];
    const result = this.#session.subscribe(list, options.properties, this.#timers.now());
    return this.#track(new Completion<SubscribeResult>(result.mid, result.rc, false), result, options);
  }

  /** Unsubscribes from one filter or several (rc NO_CONNECTION and a rejected `done` when not connected, as subscribe()). */
  unsubscribe(topicFilters: string | readonly string[], options: RequestOptions = {}): RequestHandle<UnsubscribeResult> {
    const list = typeof topicFilters === 'string' ? [topicFilters] : topicFilters;
    const result = this.#session.unsubscribe(list, options.properties, this.#timers.now());
    return this.#track(new Completion<UnsubscribeResult>(result.mid, result.rc, false), result, options);
  }

  /**
   * v5 re-authentication (4.12.1): sends AUTH 0x19 with the authenticator's method and first data
   * (`data`, else its start(), else initialData), answers each AUTH 0x18 through its challenge(),
   * and resolves with the broker's AUTH 0x00 once its complete() accepts that. Rejects with
   * INVALID_STATE without an authenticator, when not connected or while another re-authentication
   * is in progress; with SERVER_DISCONNECT (the reason code, e.g. 0x87) when the broker refuses,
   * CONNECTION_CLOSED when the link drops, AUTH_ERROR when the authenticator fails, TIMEOUT, ABORTED.
   * Other packets keep flowing meanwhile, under the previous authentication.
   */
  async reauthenticate(options: ReauthenticateOptions = {}): Promise<ReauthResult> {
    const auth = this.#live.authenticator;
    if (auth === undefined) throw new MqttError('INVALID_STATE', 'no authenticator configured');
    const link = this.#link;
    if (this.#state !== 'connected' || link === undefined) throw new MqttError('INVALID_STATE', `re-authentication needs a connection (engine is ${this.#state})`);
    if (this.#reauth !== undefined || this.#session.reauthenticating) throw new MqttError('INVALID_STATE', 'a re-authentication is already in progress');
    const pending = new Completion<ReauthResult>(0, PublishRc.SUCCESS, false);
    this.#reauth = pending;
    pending.watch(options, this.#timers, () => this.#endReauth(pending));
    try {
      const data = options.data ?? (auth.start !== undefined ? await auth.start() : auth.initialData);
      if (!pending.settled) {
        if (link !== this.#link) throw new MqttError('CONNECTION_CLOSED', 'the connection closed before the re-authentication started');
        const properties = data !== undefined ? { authenticationData: data } : {};
        this.#apply(this.#session.auth({ reasonCode: 0x19, properties }, this.#timers.now()));
      }
    } catch (cause) {
      this.#endReauth(pending);
      pending.reject(authError('the authenticator failed to start', cause));
    }
    return pending.done;
  }

  /** Forgets the re-authentication waited for (only `which`, when given); returns it to settle. */
  #endReauth(which?: Completion<ReauthResult>): Completion<ReauthResult> | undefined {
    const pending = this.#reauth;
    if (which !== undefined && pending !== which) return undefined;
    this.#reauth = undefined;
    return pending;
  }

  // ---- connection --------------------------------------------------------------------------

  #open(signal: AbortSignal | undefined): Promise<ConnectResult> {
    const opening = this.#openOnce(signal).finally(() => {
      if (this.#opening === opening) {
        this.#opening = undefined;
        this.#abortOpen = undefined;
      }
    });
    this.#opening = opening;
    return opening;
  }

  async #openOnce(signal: AbortSignal | undefined): Promise<ConnectResult> {
    this.#state = 'connecting';
    let stop: MqttError | undefined;
    const controller = new AbortController();
    const link = new Link();
    const connack = deferred<ConnectResult>();
    this.#abortOpen = (error) => {
      stop ??= error;
      controller.abort();
      connack.reject(error);
      if (this.#link === link) this.#drop(error);
    };
    const onAbort = (): void => this.#abortOpen?.(aborted());
    signal?.addEventListener('abort', onAbort);
    let timeout: TimerHandle | undefined;
    try {
      if (signal?.aborted) throw aborted();
      await this.#loadStore();
      if (stop !== undefined) throw stop;
      const transport = this.#configure();
      const timeoutMs = this.#session.options.connectTimeout * 1000;
      timeout = this.#timers.setTimeout(() => this.#abortOpen?.(new MqttError('CONNECT_TIMEOUT', `no CONNACK within ${timeoutMs} ms`)), timeoutMs);
      const credentials = this.#live.credentials;
      if (credentials !== undefined) {
        // Fresh credentials for this CONNECT; a hanging provider is bounded by the timeout and the signal.
        const fresh = await Promise.race([Promise.resolve().then(credentials), connack.promise.then(() => undefined)]).catch((cause: unknown) => {
          throw stop ?? (isMqttError(cause) ? cause : new MqttError('AUTH_ERROR', `the credentials provider failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause }));
        });
        this.#session.configure({ username: fresh?.username, password: fresh?.password });
      }
      const auth = this.#live.authenticator;
      if (auth?.start !== undefined) {
        // This exchange's first data (a fresh SCRAM nonce), bounded by the timeout and the signal like credentials.
        const first = await Promise.race([Promise.resolve().then(() => auth.start?.()), connack.promise.then(() => undefined)]).catch((cause: unknown) => {
          throw stop ?? authError('the authenticator failed to start', cause);
        });
        const { authenticationData: _previous, ...rest } = this.#session.options.connectProperties ?? {};
        this.#session.configure({ connectProperties: first === undefined ? rest : { ...rest, authenticationData: first } });
      }
      this.#log('debug', `opening ${transport.name} connection`);
      try {
        link.connection = await transport.connect(this.#handlers(link), { signal: controller.signal, protocolVersion: this.#session.options.protocolVersion });
      } catch (cause) {
        this.#transportIndex++;
        if (stop !== undefined) throw stop;
        throw isMqttError(cause) ? cause : new MqttError('TRANSPORT_ERROR', `connection failed: ${String(cause)}`, { cause });
      }
      if (stop !== undefined) {
        link.connection.destroy(stop);
        throw stop;
      }
      const connection = link.connection;
      if (this.#loopMissing || (this.#external !== undefined && (connection.read === undefined || connection.pause === undefined))) {
        link.connection = undefined; // never reported open, so no socketClose either
        connection.destroy();
        throw new MqttError('INVALID_ARGUMENT', `externalLoop needs a transport that can be read on demand; ${transport.name} cannot`);
      }
      const external = this.#external !== undefined;
      link.open(connection, this.#gateEvents(), external);
      // External loop: nothing is read until loopRead() (the broker sends nothing before CONNECT).
      if (external) connection.pause?.();
      this.#link = link;
      this.#connack = connack;
      this.#events.emit('socketOpen', connection);
      // A CONNECT the codec refuses (issue 11.7) comes back as error + close effects: the socket
      // closes and the open rejects, so nothing stays "connecting".
      this.#apply(this.#session.connectionOpened(this.#timers.now()));
      return await connack.promise;
    } catch (error) {
      if (this.#link === undefined && this.#state === 'connecting') this.#state = 'idle';
      throw error;
    } finally {
      if (timeout !== undefined) this.#timers.clearTimeout(timeout);
      signal?.removeEventListener('abort', onAbort);
      if (this.#connack === connack) this.#connack = undefined;
    }
  }

  async #loadStore(): Promise<void> {
    const store = this.#options.store;
    if (store === undefined || this.#storeLoaded) return;
    this.#storeLoaded = true;
    try {
      const snapshot = await store.load();
      if (snapshot !== undefined) this.#session.restore(snapshot);
    } catch (cause) {
      this.#storeLoaded = false;
      this.#log('error', `session store load failed: ${String(cause)}`);
      throw new MqttError('SESSION_STORE_ERROR', 'could not load the session', { cause });
    }
  }

  /** Reads the current settings into the Session and picks the transport for this attempt. */
  #configure(): Transport {
    const read = this.#options.settings;
    if (read !== undefined) {
      const settings = read();
      this.#live = { ...this.#options, ...settings };
      this.#session.configure(sessionOptions(this.#live, this.#options.store !== undefined));
    }
    const t = this.#live.transports;
    const transports = t === undefined ? [] : Array.isArray(t) ? (t as readonly Transport[]) : [t as Transport];
    if (transports.length === 0) throw new MqttError('NOT_CONNECTED', 'no broker given: call connect(host) first');
    return transports[this.#transportIndex % transports.length] as Transport;
  }

  /**
   * The write gate's events: a small object with prototype methods (no closures), made here, not
   * in #openOnce: closures made there would keep that attempt's whole scope (its AbortController,
   * CONNACK deferred, timeout) alive for as long as the connection lives.
   */
  #gateEvents(): WriteGateEvents {
    return new GateSignals(this.#events);
  }

  #handlers(link: Link): { onData(b: Uint8Array): void; onDrain(): void; onClose(e?: MqttError): void } {
    return {
      onData: (bytes) => {
        if (link !== this.#link) return;
        this.#counts.bytesReceived += bytes.length;
        const observed = this.#observer !== undefined && this.#observer.active;
        this.#apply(this.#session.receive(bytes, this.#timers.now(), observed || this.#logging()));
        if (this.#session.options.manualAck) this.#flowControl();
      },
      onDrain: () => {
        // External loop: the caller's loopWrite() writes the rest.
        if (link === this.#link && this.#external === undefined) link.gate?.drain();
      },
      onClose: (error) => {
        if (!link.close()) return;
        if (link.connection !== undefined) this.#events.emit('socketClose', link.connection);
        if (link === this.#link) this.#detach(error);
      },
    };
  }

  /**
   * manualAck back-pressure: pauses reading while maxUnackedInbound (v5: at most our Receive
   * Maximum, [MQTT-3.3.4-9]) inbound messages wait for their ack, resumes below it. Independent of
   * pauseReading(): reading resumes only when neither holds it.
   */
  #flowControl(): void {
    const o = this.#session.options;
    const bound = this.#live.maxUnackedInbound ?? DEFAULT_MAX_UNACKED_INBOUND;
    const over = this.#session.unackedInboundCount >= (o.protocolVersion === 5 ? Math.min(o.receiveMaximum, bound) : bound);
    if (over === this.#ackPaused) return;
    this.#ackPaused = over;
    const connection = this.#link?.connection;
    if (over) connection?.pause?.();
    else if (!this.#readPaused && this.#external === undefined) connection?.resume?.();
  }

  /** Closes the current link at once and tells the Session (its 'disconnected' follows). */
  #drop(error: MqttError): void {
    const link = this.#link;
    if (link === undefined) return;
    link.connection?.destroy(error);
    this.#detach(error);
  }

  /** The current link is over for the Session, whether or not its socket has finished closing. */
  #detach(error: MqttError | undefined): void {
    const gate = this.#link?.gate;
    this.#link = undefined;
    // QoS 0 publishes whose bytes were still held were never written: they fail now, not never.
    gate?.abandon(error ?? new MqttError('CONNECTION_CLOSED', 'the connection closed before the message was written'));
    this.#apply(this.#session.connectionClosed(this.#timers.now(), error));
  }

  #lost(wasConnected: boolean): void {
    if (wasConnected) {
      const upFor = this.#timers.now() - this.#connectedAt;
      // The back-off restarts only after a connection that stayed up (issue 11 item 17).
      if (upFor >= (this.#live.backoffResetAfter ?? DEFAULT_BACKOFF_RESET_AFTER) * 1000) this.#attempt = 0;
    }
    if (this.#wanted && wasConnected && (this.#live.autoReconnect ?? DEFAULT_AUTO_RECONNECT)) this.#scheduleReconnect();
    else this.#state = 'idle';
  }

  #scheduleReconnect(): void {
    this.#state = 'reconnect-wait';
    const delay = reconnectDelay(this.#attempt++, this.#live.reconnectDelay, this.#options.random);
    this.#log('info', `reconnecting in ${delay} ms`);
    this.#reconnectTimer = this.#timers.setTimeout(() => {
      this.#reconnectTimer = undefined;
      this.#open(undefined).catch((error: unknown) => {
        this.#log('warning', `reconnect failed: ${String(error)}`);
        if (this.#wanted && this.#link === undefined && this.#opening === undefined && this.#reconnectTimer === undefined) this.#scheduleReconnect();
      });
    }, delay);
  }

  #cancelReconnect(): void {
    if (this.#reconnectTimer !== undefined) this.#timers.clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    if (this.#state === 'reconnect-wait') this.#state = 'idle';
  }

  /** Waits until nothing QoS>0 is in flight or queued, the link drops, or `timeoutMs` passes. */
  async #flush(timeoutMs: number | undefined): Promise<void> {
    const deadline = timeoutMs === undefined ? Number.POSITIVE_INFINITY : this.#timers.now() + timeoutMs;
    let timer: TimerHandle | undefined;
    try {
      while (this.#state === 'connected' && this.#session.inflightCount + this.#session.queuedCount > 0) {
        const left = deadline - this.#timers.now();
        if (left <= 0) return;
        this.#progress ??= deferred<void>();
        const progress = this.#progress;
        if (timer === undefined && Number.isFinite(left)) timer = this.#timers.setTimeout(() => this.#wake(), left);
        await progress.promise;
      }
    } finally {
      if (timer !== undefined) this.#timers.clearTimeout(timer);
    }
  }

  #wake(): void {
    const progress = this.#progress;
    if (progress === undefined) return;
    this.#progress = undefined;
    progress.resolve();
  }

  // ---- effects -----------------------------------------------------------------------------

  /** Performs effects in order; a `persist` returning a Promise holds back the effects after it. */
  #apply(effects: readonly SessionEffect[]): void {
    if (this.#pumping) {
      for (let i = 0; i < effects.length; i++) this.#queue.push(effects[i] as SessionEffect);
      return;
    }
    this.#pumping = true;
    for (let i = 0; i < effects.length; i++) {
      const effect = effects[i] as SessionEffect;
      if (effect.type === 'persist' && this.#persist(effect)) {
        this.#queue.splice(this.#queueHead, 0, ...effects.slice(i + 1));
        return;
      }
      this.#perform(effect);
    }
    this.#pump();
  }

  /** Performs queued effects (those added while performing); stops at an async persist. */
  #pump(): void {
    this.#pumping = true;
    while (this.#queueHead < this.#queue.length) {
      const effect = this.#queue[this.#queueHead++] as SessionEffect;
      if (effect.type === 'persist' && this.#persist(effect)) return;
      this.#perform(effect);
    }
    if (this.#queueHead > 0) {
      this.#queue = [];
      this.#queueHead = 0;
    }
    this.#pumping = false;
  }

  /** Applies a persist effect; true when it is async (the pump resumes when it settles). */
  #persist(effect: Extract<SessionEffect, { type: 'persist' }>): boolean {
    const store = this.#options.store;
    if (store === undefined) return false;
    const op = effect.operation;
    const mid = op.op === 'putOutgoing' ? op.message.mid : undefined;
    let result: void | Promise<void>;
    try {
      result = store.apply(op);
    } catch (cause) {
      this.#storeFailed(cause, mid);
      return false;
    }
    if (result instanceof Promise) {
      result.then(() => this.#storedOutgoing(mid), (cause: unknown) => this.#storeFailed(cause, mid)).finally(() => this.#pump());
      return true;
    }
    this.#storedOutgoing(mid);
    return false;
  }

  #storeFailed(cause: unknown, mid: number | undefined): void {
    this.#log('error', `session store write failed: ${String(cause)}`);
    if (mid !== undefined) this.#requests.stored(mid, cause);
  }

  #storedOutgoing(mid: number | undefined): void {
    if (mid !== undefined) this.#requests.stored(mid);
  }

  #perform(effect: SessionEffect): void {
    switch (effect.type) {
      case 'send':
        this.#write(effect.packet, effect.bytes, effect.packet.type === 'publish');
        return;
      case 'setTimer': {
        this.#clearTimer(effect.timer);
        const ms = Math.max(0, effect.at - this.#timers.now());
        this.#timerHandles[effect.timer] = this.#timers.setTimeout(() => {
          this.#timerHandles[effect.timer] = undefined;
          this.#apply(this.#session.timerFired(effect.timer, this.#timers.now()));
        }, ms);
        return;
      }
      case 'cancelTimer':
        this.#clearTimer(effect.timer);
        return;
      case 'connack': {
        const info = { sessionPresent: effect.sessionPresent, reasonCode: effect.reasonCode, properties: effect.properties };
        if (this.#session.state === 'connected') {
          if (!this.#authComplete(effect.properties)) return;
          this.#state = 'connected';
          this.#up = true;
          this.#connectedAt = this.#timers.now();
          this.#counts.connections++;
          if (this.#readPaused) this.#link?.connection?.pause?.();
          this.#connack?.resolve(info);
        }
        this.#events.emit('connect', info);
        return;
      }
      case 'message':
        this.#counts.messagesReceived++;
        this.#events.emit('message', effect.message);
        return;
      case 'released':
        if (this.#events.has('released')) this.#events.emit('released', { packetId: effect.packetId });
        return;
      case 'published': {
        const handle = this.#requests.take(effect.mid);
        const gate = this.#link?.gate;
        // A QoS 0 publish whose bytes wait for drain completes when they are written.
        if (handle !== undefined && handle.qos0 && gate !== undefined && gate.holdsLastWrite) {
          this.#publishedOnWrite(gate, handle, effect);
        } else this.#published(handle, effect);
        return;
      }
      case 'subscribed':
      case 'unsubscribed': {
        this.#requests.take(effect.mid)?.resolve(effect);
        if (this.#events.has(effect.type === 'subscribed' ? 'subscribe' : 'unsubscribe')) this.#events.emit(effect.type === 'subscribed' ? 'subscribe' : 'unsubscribe', effect);
        return;
      }
      case 'requestFailed':
        this.#requests.take(effect.mid)?.reject(effect.error);
        this.#wake();
        return;
      case 'auth':
        if (effect.reasonCode === 0x00) this.#reauthenticated(effect.properties);
        else this.#answerAuth(effect.properties);
        return;
      case 'persist':
        return;
      case 'received':
        this.#log('debug', () => describePacket(effect.packet, 'Received'));
        if (this.#observer !== undefined && this.#observer.active) this.#observer.packetReceived(effect.packet);
        return;
      case 'warning':
        this.#log('warning', `${effect.error.code}: ${effect.error.message}`);
        return;
      case 'error':
        this.#log('error', `${effect.error.code}: ${effect.error.message}`);
        this.#connack?.reject(effect.error);
        if (effect.error.code === 'KEEPALIVE_TIMEOUT') this.#deadLink = effect.error;
        return;
      case 'close': {
        const link = this.#link;
        if (link === undefined) return;
        // A dead link will never answer a graceful close: drop it at once, so onDisconnect is not late.
        if (this.#deadLink !== undefined) link.connection?.destroy(this.#deadLink);
        else {
          // What is held (a DISCONNECT, QoS 0 messages before it) is written now, or a graceful close would lose it.
          if (link.gate?.blocked === true) link.gate.flushAll();
          link.connection?.end();
        }
        this.#deadLink = undefined;
        // The Session is done with this link now: a new connect() need not wait for the socket to finish closing.
        this.#detach(undefined);
        return;
      }
      case 'disconnected': {
        this.#clearTimers();
        const wasConnected = this.#up;
        this.#up = false;
        // Un-acked messages went with the connection (the Session forgot them): nothing holds reading now.
        this.#ackPaused = false;
        this.#connack?.reject(effect.error ?? new MqttError('CONNECTION_CLOSED', 'the connection closed before CONNACK'));
        this.#endReauth()?.reject(effect.error ?? new MqttError('CONNECTION_CLOSED', 'the connection closed during re-authentication'));
        this.#events.emit('disconnect', { error: effect.error, reasonCode: effect.reasonCode, properties: effect.properties });
        this.#wake();
        this.#lost(wasConnected);
        return;
      }
    }
  }

  /** Writes a packet's bytes to the current link; `packet` is needed only while logging or observed. */
  #write(packet: Packet | undefined, bytes: Uint8Array, isPublish: boolean): void {
    if (packet !== undefined) {
      if (this.#logging()) this.#log('debug', () => describePacket(packet, 'Sending'));
      if (this.#observer !== undefined && this.#observer.active) this.#observer.packetSent(packet, bytes.length);
    }
    this.#counts.packetsSent++;
    this.#counts.bytesSent += bytes.length;
    if (isPublish) this.#counts.messagesSent++;
    this.#link?.gate?.write(bytes);
  }

  /** A QoS 0 publish held by `gate`: published once its bytes are written, failed if the gate is abandoned first. */
  #publishedOnWrite(gate: WriteGate, handle: Completion<unknown>, result: PublishResult): void {
    gate.afterWrites((error) => {
      if (error === undefined) this.#published(handle, result);
      else handle.reject(error);
    });
  }

  #published(handle: Completion<unknown> | undefined, effect: PublishResult): void {
    // The effect is the result (mid, reasonCode, properties): no object per publish.
    if (handle !== undefined) {
      if (effect.packetId !== undefined) handle.packetId = effect.packetId;
      handle.resolve(effect);
    }
    if (this.#events.has('publish')) this.#events.emit('publish', effect as PublishResult);
    if (this.#progress !== undefined) this.#wake();
  }

  /** Answers the broker's AUTH 0x18 (continue) with the authenticator's challenge() [MQTT-4.12.0-3]. */
  #answerAuth(properties: Properties | undefined): void {
    const auth = this.#live.authenticator;
    // connectProperties can name a method without an authenticator: the caller answers through the Session.
    if (auth === undefined) return;
    const link = this.#link;
    Promise.resolve()
      .then(() => auth.challenge(properties?.authenticationData, properties))
      .then((data) => {
        // The link this challenge came on is gone: the answer has nowhere to go.
        if (link !== this.#link) return;
        this.#apply(this.#session.auth({ reasonCode: 0x18, properties: data !== undefined ? { authenticationData: data } : {} }, this.#timers.now()));
      })
      .catch((cause: unknown) => {
        if (link === this.#link) this.#authFailed(authError('the authenticator failed', cause));
      });
  }

  /** The broker's AUTH 0x00 ended a re-authentication: the authenticator checks it, the caller hears. */
  #reauthenticated(properties: Properties | undefined): void {
    if (!this.#authComplete(properties)) return;
    this.#endReauth()?.resolve({ reasonCode: 0x00, properties });
  }

  /** The authenticator's complete() on a successful CONNACK or AUTH 0x00; false (and closed) when it refuses. */
  #authComplete(properties: Properties | undefined): boolean {
    const auth = this.#live.authenticator;
    try {
      auth?.complete?.(properties?.authenticationData, properties);
      return true;
    } catch (cause) {
      this.#authFailed(authError('the authenticator refused the outcome', cause));
      return false;
    }
  }

  /** Authentication failed on our side: connect() or reauthenticate() rejects, the link is dropped. */
  #authFailed(error: MqttError): void {
    this.#log('error', `${error.code}: ${error.message}`);
    this.#connack?.reject(error);
    this.#endReauth()?.reject(error);
    this.#drop(error);
  }

  #clearTimer(kind: TimerKind): void {
    const handle = this.#timerHandles[kind];
    if (handle === undefined) return;
    this.#timers.clearTimeout(handle);
    this.#timerHandles[kind] = undefined;
  }

  #clearTimers(): void {
    for (const kind of TIMER_KINDS) this.#clearTimer(kind);
  }

  // ---- requests ----------------------------------------------------------------------------

  /** Performs a command's effects with its handle reachable without a table entry; tables it only if still pending. */
  #track<H extends Completion<unknown>>(handle: H, result: CommandResult, options: { readonly signal?: AbortSignal; readonly timeoutMs?: number }): H {
    if (options.signal !== undefined || options.timeoutMs !== undefined) {
      handle.watch(options, this.#timers, () => this.#requests.forget(handle.mid, handle));
    }
    this.#requests.current = handle;
    let taken: boolean;
    try {
      this.#apply(result.effects);
    } finally {
      taken = this.#requests.current !== handle;
      this.#requests.current = undefined;
    }
    // Only a handle no effect took waits in the table for the Session's answer; one that was taken
    // is settled, or owned by the write gate until its bytes are written.
    if (!taken && !handle.settled) this.#requests.add(handle);
    return handle;
  }

  /** A log line; a function is only called if a listener reads the message (hot paths pass one). */
  #logging(): boolean {
    return this.#events.has('log') && this.#options.wantsLog?.() !== false;
  }

  #log(level: LogLevel, message: string | (() => string)): void {
    if (!this.#logging()) return;
    if (typeof message === 'string') {
      this.#events.emit('log', { level, message });
      return;
    }
    let text: string | undefined;
    this.#events.emit('log', {
      level,
      get message() {
        return (text ??= message());
      },
    });
  }
}

/**
 * The engine with its external-loop mode built in (`options.externalLoop`: Paho's loop_read,
 * loop_write and loop_misc). EngineCore without the external-loop code is for browser bundles.
 */
export class MqttEngine extends EngineCore {
  constructor(options: Options) {
    super(options, createExternalLoop);
  }
}
