// The runtime-neutral client engine: binds a Session to Transports and Timers, performs the
// Session's effects in order (awaiting an async SessionStore before later writes), honours write
// back-pressure (through a WriteGate per connection), and runs the reconnect loop with the back-off
// policy. No node:* imports. Past 400 lines: opening, effects and reconnecting share the current
// connection and its state (requests live in PendingRequests, writes in WriteGate).

import { MqttError, isMqttError } from '@x/mqtt-codec';
import type { Properties, Subscription } from '@x/mqtt-codec';
import { reconnectDelay } from '../session/backoff.js';
import { PublishRc } from '../session/effects.js';
import type { CommandResult, SessionEffect, TimerKind } from '../session/effects.js';
import { Session } from '../session/session.js';
import type { SessionOptions } from '../session/session-options.js';
import type { Transport, TransportConnection } from '../transport.js';
import { deferred } from './deferred.js';
import type { Deferred } from './deferred.js';
import { describePacket } from './describe-packet.js';
import { Emitter } from './emitter.js';
import { NOTHING_TO_STORE, PendingRequests } from './pending-requests.js';
import { WriteGate } from './write-gate.js';
import type {
  ConnectResult, EngineEvents, EngineOptions, EngineState, LogLevel, PublishOptions, PublishResult,
  PublishHandle, RequestHandle, RequestOptions, SubscribeResult, UnsubscribeResult,
} from './engine-types.js';
import { DEFAULT_AUTO_RECONNECT } from './engine-types.js';
import { defaultTimers } from './timers.js';
import type { TimerHandle, Timers } from './timers.js';

const aborted = (): MqttError => new MqttError('ABORTED', 'aborted');

/** The client engine the facade and helpers share. See the README for the full contract. */
export class MqttEngine {
  readonly session: Session;
  readonly #transports: readonly Transport[];
  readonly #timers: Timers;
  readonly #options: Readonly<Partial<EngineOptions>>;
  readonly #events: Emitter<EngineEvents>;
  readonly #requests = new PendingRequests();
  readonly #timerHandles = new Map<TimerKind, TimerHandle>();
  #state: EngineState = 'idle';
  #connection: TransportConnection | undefined;
  #connack: Deferred<ConnectResult> | undefined;
  #transportIndex = 0;
  #attempt = 0;
  #wanted = false;
  #storeLoaded = false;
  #queue: SessionEffect[] = [];
  #queueHead = 0;
  #pumping = false;
  /** Writes to the open connection; undefined while there is none. */
  #gate: WriteGate | undefined;
  #reconnectTimer: TimerHandle | undefined;
  #closed: Deferred<void> | undefined;
  #deadLink: MqttError | undefined;

  constructor(options: Readonly<Partial<EngineOptions>> & { readonly transports: EngineOptions['transports'] }) {
    const t = options.transports;
    this.#transports = Array.isArray(t) ? [...(t as readonly Transport[])] : [t as Transport];
    if (this.#transports.length === 0) throw new MqttError('INVALID_ARGUMENT', 'at least one transport is needed');
    this.#timers = options.timers ?? defaultTimers;
    this.#options = options;
    const auth = options.authenticator;
    const sessionOptions: Partial<SessionOptions> = { ...options, persistEffects: options.store !== undefined };
    if (auth !== undefined) {
      sessionOptions.connectProperties = {
        ...options.connectProperties,
        authenticationMethod: auth.method,
        ...(auth.initialData !== undefined ? { authenticationData: auth.initialData } : {}),
      };
    }
    this.session = new Session(sessionOptions);
    this.#events = new Emitter((error, event) => this.#log('error', `listener for ${String(event)} threw: ${String(error)}`));
  }

  get state(): EngineState {
    return this.#state;
  }

  /** True while writes are blocked by back-pressure (Paho's want_write). */
  wantWrite(): boolean {
    return this.#gate?.blocked ?? false;
  }

  on<K extends keyof EngineEvents>(event: K, listener: (arg: EngineEvents[K]) => void): () => void {
    return this.#events.on(event, listener);
  }

  off<K extends keyof EngineEvents>(event: K, listener: (arg: EngineEvents[K]) => void): void {
    this.#events.off(event, listener);
  }

  /** Connects (CONNECT/CONNACK). Rejects with CONNECTION_REFUSED, CONNECT_TIMEOUT, ABORTED, TRANSPORT_ERROR, ... */
  async connect(options: { readonly signal?: AbortSignal } = {}): Promise<ConnectResult> {
    if (this.#state === 'connected' || this.#state === 'connecting') throw new MqttError('INVALID_STATE', `connect() while ${this.#state}`);
    this.#cancelReconnect();
    this.#wanted = true;
    return this.#open(options.signal);
  }

  /** Drops the current connection (if any) and connects again at once. */
  async reconnect(options: { readonly signal?: AbortSignal } = {}): Promise<ConnectResult> {
    this.#cancelReconnect();
    this.#wanted = true;
    const connection = this.#connection;
    if (connection !== undefined) {
      this.#state = 'disconnecting';
      connection.destroy();
      await this.#closed?.promise;
    }
    return this.#open(options.signal);
  }

  /**
   * Takes over an idle engine's session state and pending requests, so that an engine can be
   * rebuilt with new options before it connects without losing queued messages or their `done`.
   */
  adopt(previous: MqttEngine): void {
    if (this.#state !== 'idle' || previous.#state !== 'idle') throw new MqttError('INVALID_STATE', 'adopt() needs two idle engines');
    this.session.restore(previous.session.snapshot());
    this.#requests.adopt(previous.#requests);
  }

  /** Sends DISCONNECT (v5: with reasonCode/properties), closes, and stops reconnecting. */
  async disconnect(options: { readonly reasonCode?: number; readonly properties?: Properties } = {}): Promise<void> {
    this.#wanted = false;
    this.#cancelReconnect();
    if (this.#connection === undefined) {
      this.#state = 'idle';
      return;
    }
    const closed = this.#closed?.promise;
    this.#state = 'disconnecting';
    this.#apply(this.session.disconnect(options, this.#timers.now()));
    await closed;
  }

  /** Publishes; queued while disconnected (rc NO_CONNECTION), refused when the queue is full (rc QUEUE_FULL). */
  publish(topic: string, payload: Uint8Array | string, options: PublishOptions = {}): PublishHandle {
    const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
    const qos = options.qos ?? 0;
    const result = this.session.publish(
      { topic, payload: bytes, qos, retain: options.retain ?? false, ...(options.properties !== undefined ? { properties: options.properties } : {}) },
      this.#timers.now(),
      this.#gate?.qos0Backlog ?? 0,
    );
    const willStore = this.#options.store !== undefined && qos > 0 && result.rc !== PublishRc.QUEUE_FULL;
    const stored = willStore ? this.#requests.awaitStore(result.mid) : NOTHING_TO_STORE;
    const handle = this.#track<PublishResult>(result, qos === 0, options.signal);
    if (result.rc === PublishRc.QUEUE_FULL) this.#requests.settle(result.mid, new MqttError('QUEUE_FULL', 'maxQueuedMessages reached: message dropped'));
    return Object.assign(handle, { stored });
  }

  /** Subscribes (rc NO_CONNECTION and a rejected `done` when not connected, as in Paho). */
  subscribe(subscriptions: Subscription | readonly Subscription[], options: RequestOptions = {}): RequestHandle<SubscribeResult> {
    const list = Array.isArray(subscriptions) ? (subscriptions as readonly Subscription[]) : [subscriptions as Subscription];
    return this.#track(this.session.subscribe(list, options.properties, this.#timers.now()), false, options.signal);
  }

  unsubscribe(topicFilters: string | readonly string[], options: RequestOptions = {}): RequestHandle<UnsubscribeResult> {
    const list = typeof topicFilters === 'string' ? [topicFilters] : topicFilters;
    return this.#track(this.session.unsubscribe(list, options.properties, this.#timers.now()), false, options.signal);
  }

  /** v5: starts re-authentication with the configured authenticator. */
  reauthenticate(data?: Uint8Array): void {
    const method = this.#options.authenticator?.method;
    if (method === undefined) throw new MqttError('INVALID_STATE', 'no authenticator configured');
    this.#apply(this.session.auth({ reasonCode: 0x19, properties: { authenticationMethod: method, ...(data ? { authenticationData: data } : {}) } }, this.#timers.now()));
  }

  // ---- connection --------------------------------------------------------------------------

  async #open(signal: AbortSignal | undefined): Promise<ConnectResult> {
    if (signal?.aborted) throw aborted();
    const store = this.#options.store;
    if (store !== undefined && !this.#storeLoaded) {
      this.#storeLoaded = true;
      try {
        const snapshot = await store.load();
        if (snapshot !== undefined) this.session.restore(snapshot);
      } catch (cause) {
        this.#log('error', `session store load failed: ${String(cause)}`);
        throw new MqttError('SESSION_STORE_ERROR', 'could not load the session', { cause });
      }
    }
    this.#state = 'connecting';
    const transport = this.#transports[this.#transportIndex % this.#transports.length] as Transport;
    const timeoutMs = this.session.options.connectTimeout * 1000;
    const controller = new AbortController();
    const timeout = this.#timers.setTimeout(() => controller.abort(), timeoutMs);
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort);
    const connack = deferred<ConnectResult>();
    this.#connack = connack;
    try {
      let connection: TransportConnection | undefined;
      this.#log('debug', `opening ${transport.name} connection`);
      try {
        connection = await transport.connect(this.#handlers(() => connection), { signal: controller.signal, protocolVersion: this.session.options.protocolVersion });
      } catch (cause) {
        this.#transportIndex++;
        this.#state = 'idle';
        if (signal?.aborted) throw aborted();
        if (controller.signal.aborted) throw new MqttError('CONNECT_TIMEOUT', `no connection within ${timeoutMs} ms`, { cause });
        throw isMqttError(cause) ? cause : new MqttError('TRANSPORT_ERROR', `connection failed: ${String(cause)}`, { cause });
      }
      if (controller.signal.aborted) {
        connection.destroy();
        throw signal?.aborted ? aborted() : new MqttError('CONNECT_TIMEOUT', `no connection within ${timeoutMs} ms`);
      }
      this.#connection = connection;
      this.#gate = new WriteGate(connection, {
        blocked: (c) => this.#events.emit('socketRegisterWrite', c),
        unblocked: (c) => this.#events.emit('socketUnregisterWrite', c),
      });
      this.#closed = deferred<void>();
      this.#events.emit('socketOpen', connection);
      controller.signal.addEventListener('abort', () => {
        const error = signal?.aborted ? aborted() : new MqttError('CONNECT_TIMEOUT', `no CONNACK within ${timeoutMs} ms`);
        connack.reject(error);
        connection?.destroy(error);
      });
      this.#apply(this.session.connectionOpened(this.#timers.now()));
      const result = await connack.promise;
      return result;
    } finally {
      this.#timers.clearTimeout(timeout);
      signal?.removeEventListener('abort', onAbort);
      if (this.#connack === connack) this.#connack = undefined;
    }
  }

  #handlers(current: () => TransportConnection | undefined): { onData(b: Uint8Array): void; onDrain(): void; onClose(e?: MqttError): void } {
    return {
      onData: (bytes) => {
        if (current() === this.#connection) this.#apply(this.session.receive(bytes, this.#timers.now()));
      },
      onDrain: () => {
        if (current() === this.#connection) this.#gate?.drain();
      },
      onClose: (error) => {
        const connection = current();
        if (connection === undefined || connection !== this.#connection) return;
        this.#connection = undefined;
        this.#gate = undefined;
        this.#events.emit('socketClose', connection);
        this.#apply(this.session.connectionClosed(this.#timers.now(), error));
      },
    };
  }

  #lost(wasConnected: boolean): void {
    const closed = this.#closed;
    this.#closed = undefined;
    if (this.#wanted && wasConnected && (this.#options.autoReconnect ?? DEFAULT_AUTO_RECONNECT)) {
      this.#scheduleReconnect();
    } else {
      this.#state = 'idle';
    }
    closed?.resolve();
  }

  #scheduleReconnect(): void {
    this.#state = 'reconnect-wait';
    const delay = reconnectDelay(this.#attempt++, this.#options.reconnectDelay, this.#options.random);
    this.#log('info', `reconnecting in ${delay} ms`);
    this.#reconnectTimer = this.#timers.setTimeout(() => {
      this.#reconnectTimer = undefined;
      this.#open(undefined).catch((error: unknown) => {
        this.#log('warning', `reconnect failed: ${String(error)}`);
        if (this.#wanted && this.#connection === undefined) this.#scheduleReconnect();
      });
    }, delay);
  }

  #cancelReconnect(): void {
    if (this.#reconnectTimer !== undefined) this.#timers.clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
  }

  // ---- effects -----------------------------------------------------------------------------

  /** Performs effects in order; a `persist` returning a Promise holds back the effects after it. */
  #apply(effects: readonly SessionEffect[]): void {
    for (const e of effects) this.#queue.push(e);
    if (!this.#pumping) this.#pump();
  }

  #pump(): void {
    this.#pumping = true;
    while (this.#queueHead < this.#queue.length) {
      const effect = this.#queue[this.#queueHead++] as SessionEffect;
      if (effect.type === 'persist' && this.#options.store !== undefined) {
        const op = effect.operation;
        const mid = op.op === 'putOutgoing' ? op.message.mid : undefined;
        let result: void | Promise<void>;
        try {
          result = this.#options.store.apply(op);
        } catch (cause) {
          this.#storeFailed(cause, mid);
          continue;
        }
        if (result instanceof Promise) {
          result.then(() => this.#storedOutgoing(mid), (cause: unknown) => this.#storeFailed(cause, mid)).finally(() => this.#pump());
          return;
        }
        this.#storedOutgoing(mid);
        continue;
      }
      this.#perform(effect);
    }
    this.#queue = [];
    this.#queueHead = 0;
    this.#pumping = false;
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
        this.#log('debug', () => describePacket(effect.packet));
        this.#gate?.write(effect.bytes);
        return;
      case 'setTimer': {
        this.#clearTimer(effect.timer);
        const ms = Math.max(0, effect.at - this.#timers.now());
        this.#timerHandles.set(effect.timer, this.#timers.setTimeout(() => {
          this.#timerHandles.delete(effect.timer);
          this.#apply(this.session.timerFired(effect.timer, this.#timers.now()));
        }, ms));
        return;
      }
      case 'cancelTimer':
        this.#clearTimer(effect.timer);
        return;
      case 'connack': {
        const info = { sessionPresent: effect.sessionPresent, reasonCode: effect.reasonCode, properties: effect.properties };
        if (this.session.state === 'connected') {
          this.#state = 'connected';
          this.#attempt = 0;
          this.#connack?.resolve(info);
        }
        this.#events.emit('connect', info);
        return;
      }
      case 'message':
        this.#events.emit('message', effect.message);
        return;
      case 'published': {
        const result: PublishResult = { mid: effect.mid, reasonCode: effect.reasonCode, properties: effect.properties };
        const done = (): void => {
          this.#requests.settle(effect.mid, result);
          this.#events.emit('publish', result);
        };
        const qos0 = this.#requests.isQos0(effect.mid);
        if (this.#gate !== undefined) this.#gate.afterWrites(done, qos0);
        else done();
        return;
      }
      case 'subscribed':
      case 'unsubscribed': {
        const result: SubscribeResult = { mid: effect.mid, reasonCodes: effect.reasonCodes, properties: effect.properties };
        this.#requests.settle(effect.mid, result);
        this.#events.emit(effect.type === 'subscribed' ? 'subscribe' : 'unsubscribe', result);
        return;
      }
      case 'requestFailed':
        this.#requests.settle(effect.mid, effect.error);
        return;
      case 'auth':
        this.#answerAuth(effect.reasonCode, effect.properties);
        return;
      case 'persist':
        return;
      case 'error':
        this.#log('error', `${effect.error.code}: ${effect.error.message}`);
        this.#connack?.reject(effect.error);
        if (effect.error.code === 'KEEPALIVE_TIMEOUT') this.#deadLink = effect.error;
        return;
      case 'close':
        // A dead link will never answer a graceful close: drop it at once, so onDisconnect is not late.
        if (this.#deadLink !== undefined) this.#connection?.destroy(this.#deadLink);
        else this.#connection?.end();
        this.#deadLink = undefined;
        return;
      case 'disconnected': {
        for (const kind of [...this.#timerHandles.keys()]) this.#clearTimer(kind);
        const wasConnected = this.#state === 'connected';
        this.#connack?.reject(effect.error ?? new MqttError('CONNECTION_CLOSED', 'the connection closed before CONNACK'));
        this.#events.emit('disconnect', { error: effect.error, reasonCode: effect.reasonCode, properties: effect.properties });
        this.#lost(wasConnected);
        return;
      }
    }
  }

  #answerAuth(reasonCode: number, properties: Properties | undefined): void {
    const auth = this.#options.authenticator;
    if (auth === undefined || reasonCode !== 0x18) return;
    Promise.resolve()
      .then(() => auth.challenge(properties?.authenticationData, properties))
      .then((data) => {
        const props: Properties = { authenticationMethod: auth.method, ...(data !== undefined ? { authenticationData: data } : {}) };
        this.#apply(this.session.auth({ reasonCode: 0x18, properties: props }, this.#timers.now()));
      })
      .catch((cause: unknown) => {
        const error = new MqttError('AUTH_ERROR', 'the authenticator failed', { cause });
        this.#log('error', error.message);
        this.#connack?.reject(error);
        this.#connection?.destroy(error);
      });
  }

  #clearTimer(kind: TimerKind): void {
    const handle = this.#timerHandles.get(kind);
    if (handle !== undefined) this.#timers.clearTimeout(handle);
    this.#timerHandles.delete(kind);
  }

  // ---- requests ----------------------------------------------------------------------------

  #track<R>(result: CommandResult, qos0: boolean, signal: AbortSignal | undefined): RequestHandle<R> {
    const handle = this.#requests.open<R>(result.mid, result.rc, qos0, signal);
    this.#apply(result.effects);
    return handle;
  }

  /** A log line; a function is only called if a listener reads the message (hot paths pass one). */
  #log(level: LogLevel, message: string | (() => string)): void {
    if (!this.#events.has('log')) return;
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
