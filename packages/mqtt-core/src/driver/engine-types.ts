// The types of the driver's public surface: options, results, events. Kept apart from the
// engine so that the facade and helpers can depend on them without reading the engine.

import type { MqttError, Properties, QoS } from '@x/mqtt-codec';
import type { BackoffOptions } from '../session/backoff.js';
import type { InboundMessage, PublishRc } from '../session/effects.js';
import type { SessionOptions } from '../session/session-options.js';
import type { SessionStats } from '../session/session.js';
import type { SessionStore } from '../session/session-store.js';
import type { Transport, TransportConnection } from '../transport.js';
import type { Timers } from './timers.js';

/** Reconnect automatically after a lost connection. */
export const DEFAULT_AUTO_RECONNECT = true;

/**
 * v5 enhanced authentication (AUTH exchange). `method` and the first data go into CONNECT (and
 * into the AUTH 0x19 of each re-authentication); each AUTH 0x18 (continue) from the broker is
 * answered with what `challenge` returns; `complete` sees the data of the successful CONNACK or
 * AUTH 0x00 that ends an exchange.
 */
export interface Authenticator {
  /** The Authentication Method, sent in CONNECT and in every AUTH answer. */
  readonly method: string;
  /** Authentication Data for CONNECT and each AUTH 0x19; none when absent. `start` wins when given. */
  readonly initialData?: Uint8Array;
  /**
   * Starts an exchange (a CONNECT, or a re-authentication): returns its first Authentication Data,
   * or a Promise of it. For methods whose first message differs each time (a SCRAM client nonce).
   * A throw or rejection fails the connect or re-authentication with AUTH_ERROR.
   */
  start?(): Uint8Array | undefined | Promise<Uint8Array | undefined>;
  /**
   * Answers an AUTH 0x18 (continue): gets the broker's authenticationData and all its properties,
   * returns the data to send back (or a Promise of it). A throw or rejection fails with AUTH_ERROR.
   */
  challenge(data: Uint8Array | undefined, properties: Properties | undefined): Uint8Array | undefined | Promise<Uint8Array | undefined>;
  /**
   * The exchange succeeded (CONNACK 0x00 or AUTH 0x00): gets that packet's authenticationData to
   * check (a SCRAM server signature). Synchronous, so the connection is reported up in the same
   * turn as the packet; a throw fails the connect or re-authentication with AUTH_ERROR and closes.
   */
  complete?(data: Uint8Array | undefined, properties: Properties | undefined): void;
}

/** Options of reauthenticate(). */
export interface ReauthenticateOptions {
  /** Authentication Data for the AUTH 0x19; defaults to the authenticator's start() or initialData. */
  readonly data?: Uint8Array;
  /** Stops waiting (ABORTED); the exchange itself stays open until the broker ends it or the link drops. */
  readonly signal?: AbortSignal;
  /** Stops waiting after this many milliseconds (TIMEOUT); the exchange stays open as with `signal`. */
  readonly timeoutMs?: number;
}

/** What a successful re-authentication resolves with: the broker's AUTH 0x00. */
export interface ReauthResult {
  /** Always 0x00 (Success). */
  readonly reasonCode: number;
  /** The AUTH 0x00's properties (authenticationMethod, authenticationData, reasonString, ...). */
  readonly properties: Properties | undefined;
}

/** Options of an MqttEngine: the Session's, plus transports, timers, reconnect and store. */
export interface EngineOptions extends SessionOptions {
  /** One transport, or several to fail over across in order (the next is tried after a failure). */
  transports: Transport | readonly Transport[];
  /** Defaults to the global clock and setTimeout. */
  timers: Timers;
  /** Reconnect with back-off after a connection that had a CONNACK is lost. Defaults to true. */
  autoReconnect: boolean;
  /** Paho's reconnect_delay_set. Defaults to { minDelay: 1, maxDelay: 120, jitter: 0 }. */
  reconnectDelay: Readonly<Partial<BackoffOptions>>;
  /** Where outgoing and inbound QoS>0 state is kept. Defaults to none (state lives in the Session only). */
  store: SessionStore | undefined;
  /** v5 enhanced authentication. Defaults to none. */
  authenticator: Authenticator | undefined;
  /** Source of jitter, [0, 1). Defaults to Math.random. */
  random: () => number;
  /**
   * Seconds a connection must stay up before the reconnect back-off starts again from its minimum
   * delay; a connection dropped sooner keeps doubling the delay. Defaults to 10.
   */
  backoffResetAfter: number;
  /**
   * Called before every CONNECT (reconnects included), after `settings`: the username and password
   * for that connection, so expiring tokens are fetched fresh each time (Paho 2's on_pre_connect).
   * Bounded by the connect timeout and the caller's signal; a throw fails that attempt with
   * AUTH_ERROR. Defaults to none (the username and password options).
   */
  credentials: (() => Credentials | Promise<Credentials>) | undefined;
  /**
   * Read before each CONNECT (reconnects included): the settings current then. Session options
   * (client id, credentials, will, keepalive, CONNECT properties, ...) and `transports`,
   * `autoReconnect`, `reconnectDelay`, `authenticator` given here replace the constructor's for
   * that connection. Defaults to none (the constructor's options for every connection).
   */
  settings: (() => EngineSettings) | undefined;
  /**
   * Asked before a log line is built: false skips it (a facade whose log listener forwards only
   * when the user set a logger says so here). Defaults to: build it when a `log` listener exists.
   */
  wantsLog: (() => boolean) | undefined;
  /**
   * External-loop mode (Paho's loop_read / loop_write / loop_misc): the engine starts no timer and
   * reads and writes nothing on its own. The caller calls loopRead() when the socket is readable,
   * loopWrite() while wantWrite(), and loopMisc() by `nextTimerAt` (or every second or so); the
   * timers are recorded and run from loopMisc(). Fixed for the engine's life (reset() keeps it).
   * Defaults to false.
   */
  externalLoop: boolean;
  /**
   * With `manualAck`: reading from the broker pauses while this many inbound QoS 1/2 messages are
   * unacknowledged, and resumes below it, so a slow consumer slows the broker instead of piling up
   * messages. MQTT 5 uses the smaller of this and `receiveMaximum`. Defaults to 100
   * (DEFAULT_MAX_UNACKED_INBOUND). Unused without manualAck.
   */
  maxUnackedInbound: number;
}

/** Inbound QoS 1/2 messages unacknowledged before a manualAck engine stops reading. */
export const DEFAULT_MAX_UNACKED_INBOUND = 100;

/** What MqttEngine.stats() answers: the Session's view plus what crossed the wire. */
export interface EngineStats extends SessionStats {
  /** The engine's state (the Session's is `state` too, one level down: see EngineState). */
  readonly engineState: EngineState;
  /** Index into the transports of the one used last (or in use). */
  readonly transportIndex: number;
  /** That transport's name (`tcp`, `tls`, `ws`, ...); undefined when none is known yet. */
  readonly transport: string | undefined;
  /** Packets written to transports, over the engine's life. */
  readonly packetsSent: number;
  /** Bytes written to transports, over the engine's life. */
  readonly bytesSent: number;
  /** Bytes read from transports, over the engine's life. */
  readonly bytesReceived: number;
  /** PUBLISH packets sent, DUP resends included. */
  readonly messagesSent: number;
  /** Messages delivered to the application (a QoS 2 resend that was not delivered again is not counted). */
  readonly messagesReceived: number;
  /** Accepted connections after the first one. */
  readonly reconnects: number;
  /** Commands (QoS 1/2 publishes, subscribes, unsubscribes) waiting for the broker's answer or the store. */
  readonly requestsWaiting: number;
  /** QoS 0 publishes whose bytes wait for the transport to drain (they complete when written). */
  readonly writesHeld: number;
}

/** What a credentials provider answers; an absent field leaves that CONNECT field out. */
export interface Credentials {
  /** The CONNECT's User Name. */
  readonly username?: string;
  /** The CONNECT's Password (never logged). */
  readonly password?: string | Uint8Array;
}

/** What a settings provider may change between connections. */
export type EngineSettings = Readonly<Partial<Omit<EngineOptions, 'timers' | 'store' | 'random' | 'settings' | 'wantsLog' | 'persistEffects' | 'externalLoop'>>>;

/** Seconds a connection must stay up before the back-off resets (issue 11 item 17). */
export const DEFAULT_BACKOFF_RESET_AFTER = 10;

/** A CONNACK, accepted or refused. */
export interface ConnackInfo {
  /** The CONNACK's Session Present flag: the broker resumed a session it held. */
  readonly sessionPresent: boolean;
  /** v3 return code or v5 reason code, as received. */
  readonly reasonCode: number;
  /** The CONNACK's v5 properties; undefined when none (always before MQTT 5). */
  readonly properties: Properties | undefined;
}

/** What connect() resolves with: an accepted CONNACK. */
export type ConnectResult = ConnackInfo;

/** What the `disconnect` event carries: why a connection ended. */
export interface DisconnectInfo {
  /** Why; undefined after disconnect(). */
  readonly error: MqttError | undefined;
  /** The v5 reason code of a broker's DISCONNECT, or the one we sent. */
  readonly reasonCode: number | undefined;
  /** The v5 properties of that DISCONNECT; undefined when none. */
  readonly properties: Properties | undefined;
}

/** What a publish's `done` resolves with, and the `publish` event carries. */
export interface PublishResult {
  /** The message id publish() returned (not the packet id). */
  readonly mid: number;
  /** v5 PUBACK/PUBREC/PUBCOMP reason code (>= 0x80: the broker refused the message); 0 otherwise. */
  readonly reasonCode: number;
  /** The v5 properties of the acknowledging packet; undefined when none. */
  readonly properties: Properties | undefined;
  /** The packet id it had on the wire (QoS 1/2; matches broker logs); absent at QoS 0. Not `mid`. */
  readonly packetId?: number;
}

/** What a subscribe's `done` resolves with (and, as UnsubscribeResult, an unsubscribe's). */
export interface SubscribeResult {
  /** The message id of the request (not the packet id). */
  readonly mid: number;
  /** One per filter: the granted QoS, or a failure (0x80, or a v5 reason code >= 0x80). */
  readonly reasonCodes: readonly number[];
  /** The v5 properties of the SUBACK or UNSUBACK; undefined when none. */
  readonly properties: Properties | undefined;
}

/** What an unsubscribe's `done` resolves with: one reason code per filter (0 for each before MQTT 5). */
export type UnsubscribeResult = SubscribeResult;

/** What publish/subscribe/unsubscribe return at once. `done` never rejects unobserved. */
export interface RequestHandle<R> extends PromiseLike<R> {
  /** The message id (Paho's mid), counted by the Session; not the packet id. */
  readonly mid: number;
  /** Paho's rc: SUCCESS, NO_CONNECTION (queued for later, publish only) or QUEUE_FULL. */
  readonly rc: PublishRc;
  /** Settles with the acknowledgement, or rejects with an MqttError (QUEUE_FULL, NOT_CONNECTED, CONNECTION_CLOSED, ABORTED, ...). */
  readonly done: Promise<R>;
  /** Where `done` is, readable synchronously: 'pending', 'fulfilled' or 'rejected'. */
  readonly status: 'pending' | 'fulfilled' | 'rejected';
  /** The wire packet id once the message went out (QoS>0 publishes, subscribe, unsubscribe); undefined before and at QoS 0. */
  readonly packetId?: number | undefined;
}

/** What publish() returns: a RequestHandle, plus when the message is in the SessionStore. */
export interface PublishHandle extends RequestHandle<PublishResult> {
  /**
   * Resolves once the SessionStore holds the message (with a durable store: once it is on disk, so
   * a process that dies afterwards still sends it after a restart). At once when there is no store
   * or at QoS 0 (never stored). Rejects with SESSION_STORE_ERROR if the store failed.
   */
  readonly stored: Promise<void>;
}

/** Options of publish(). */
export interface PublishOptions {
  /** Defaults to 0. */
  readonly qos?: QoS;
  /** Defaults to false. */
  readonly retain?: boolean;
  /** v5 PUBLISH properties (messageExpiryInterval, responseTopic, userProperties, ...). */
  readonly properties?: Properties;
  /** Stops waiting (done rejects with ABORTED); the message itself stays queued. */
  readonly signal?: AbortSignal;
}

/** Options of subscribe() and unsubscribe(). */
export interface RequestOptions {
  /** v5 properties of the SUBSCRIBE or UNSUBSCRIBE. */
  readonly properties?: Properties;
  /** Stops waiting (done rejects with ABORTED). */
  readonly signal?: AbortSignal;
  /** Stops waiting after this many milliseconds (done rejects with TIMEOUT). */
  readonly timeoutMs?: number;
}

/** Options of disconnect(). */
export interface DisconnectOptions {
  /** v5 DISCONNECT reason code. */
  readonly reasonCode?: number;
  /** v5 DISCONNECT properties (sessionExpiryInterval, reasonString, userProperties). */
  readonly properties?: Properties;
  /** Send DISCONNECT only once every QoS>0 message in flight or queued is acknowledged (or `timeoutMs` ran out). */
  readonly flush?: boolean;
  /** With `flush`: the longest wait, in milliseconds. Defaults to no limit. */
  readonly timeoutMs?: number;
}

/** Options of connect() and reconnect(). */
export interface ConnectCallOptions {
  /** Gives up (rejects with ABORTED); the connection attempt is abandoned. */
  readonly signal?: AbortSignal;
}

/** Paho's log levels. */
export type LogLevel = 'debug' | 'info' | 'notice' | 'warning' | 'error';

/** What the `log` event carries. */
export interface LogEntry {
  /** How severe it is, by Paho's levels. */
  readonly level: LogLevel;
  /** Never contains a password or authentication data. */
  readonly message: string;
}

/** The engine's states: see the README's diagram. */
export type EngineState = 'idle' | 'connecting' | 'connected' | 'reconnect-wait' | 'disconnecting';

/** Listener argument per event name. */
export interface EngineEvents {
  /** Every CONNACK (Paho's on_connect, refusals included). */
  connect: ConnackInfo;
  /** A connection ended (Paho's on_disconnect). */
  disconnect: DisconnectInfo;
  /** A message from the broker (Paho's on_message); QoS 2 is delivered once. */
  message: InboundMessage;
  /**
   * An inbound QoS 2 exchange completed: PUBREL came and PUBCOMP went (the message itself was
   * delivered at PUBLISH, once). `packetId` is the message's packet id (its `packetId`).
   */
  released: {
    /** The packet id of the QoS 2 PUBLISH whose PUBREL came. */
    readonly packetId: number;
  };
  /** Paho's on_publish: QoS 0 written, QoS 1 PUBACK, QoS 2 PUBCOMP. */
  publish: PublishResult;
  /** A SUBACK came for a subscribe() (Paho's on_subscribe). */
  subscribe: SubscribeResult;
  /** An UNSUBACK came for an unsubscribe() (Paho's on_unsubscribe). */
  unsubscribe: UnsubscribeResult;
  /** A log line (Paho's on_log); a throwing listener of another event is reported here too. */
  log: LogEntry;
  /** A transport connection opened / closed. */
  socketOpen: TransportConnection;
  /** A transport connection closed. */
  socketClose: TransportConnection;
  /** Writes are blocked (transport.write returned false): wait for drain (Paho's on_socket_register_write). */
  socketRegisterWrite: TransportConnection;
  /** Everything pending was written (Paho's on_socket_unregister_write). */
  socketUnregisterWrite: TransportConnection;
}

/** The name of an engine event: a key of EngineEvents. */
export type EngineEventName = keyof EngineEvents;

/** EngineCore.onEvery()'s listener: told of every event, its name and its argument. */
export type EngineListener = <K extends EngineEventName>(event: K, arg: EngineEvents[K]) => void;
