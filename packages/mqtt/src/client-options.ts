// The Client's options: the seed's constructor arguments plus what a modern client needs.
// Every field is optional; defaults are Paho 1.5's and are listed in JSDoc and DEFAULT_* constants.
import type { Properties, QoS } from '@x/mqtt-codec';
import type { Authenticator, Credentials, SessionStore } from '@x/mqtt-core';
import type { MqttProtocol } from './constants.js';
import type { PayloadInput } from './payload.js';

/** Paho's transport argument. `'tcp'` becomes TLS when tlsSet() was called. */
export type TransportName = 'tcp' | 'websockets';

/** A broker to connect to: a URL (`mqtt://`, `mqtts://`, `ws://`, `wss://`) or host and port. */
export type ServerSpec =
  | string
  | {
      /** The broker's host name or address. */
      readonly host: string;
      /** Defaults to the transport's port: 1883 for tcp, 8883 with TLS, 80 or 443 for websockets. */
      readonly port?: number;
    };

/** MQTT 5 properties, or `never` on a client whose protocol is known to be 3.1 or 3.1.1 (a compile error). */
export type V5Properties<P extends MqttProtocol> = P extends 5 ? Properties : never;

/**
 * The constructor's options. Every key is checked at run time (validate-options.ts has one check
 * per key, enforced by its type): an unknown key or a wrong type is INVALID_ARGUMENT naming the key.
 */
export interface ClientOptions<P extends MqttProtocol = MqttProtocol> {
  /** Defaults to '' : a random id is generated (cleanSession must then be true, as in Paho). */
  clientId?: string;
  /**
   * Send a zero-length client id so that the broker assigns one (Paho 1.5 sends `client_id=""`
   * as it is). MQTT 5: with any clean start; the broker's Assigned Client Identifier is then
   * `client.clientId` (and in the CONNACK's properties), and reconnects that resume the session
   * send it. MQTT 3.1.1: only with `cleanSession: true` [MQTT-3.1.3-7]; the broker does not say
   * which id it chose, so `client.clientId` stays ''. Not allowed on MQTT 3.1 (1..23 characters)
   * nor with a `clientId`. Defaults to false: an empty `clientId` becomes a random id.
   */
  emptyClientId?: boolean;
  /** Clean session (3.1/3.1.1) or clean start (5.0). Defaults to true. */
  cleanSession?: boolean;
  /** Passed to every callback as `userdata`. Defaults to undefined. */
  userdata?: unknown;
  /** MQTTv31, MQTTv311 or MQTTv5. Defaults to MQTTv311. */
  protocol?: P;
  /** Defaults to 'tcp'. */
  transport?: TransportName;
  /** Brokers to try in order, failing over to the next (a cluster). connect() arguments replace them. */
  servers?: readonly ServerSpec[];
  /** Seconds between PINGREQs when idle. Defaults to 60 (connect() can override it). */
  keepalive?: number;
  /** Seconds to open a connection and get a CONNACK. Defaults to 30. */
  connectTimeout?: number;
  /** v5 CONNECT properties (sessionExpiryInterval, receiveMaximum, userProperties, ...). */
  properties?: V5Properties<P>;
  /** Keeps QoS>0 state across reconnects and, with a durable store, restarts. Defaults to memory. */
  sessionStore?: SessionStore;
  /** v5 enhanced authentication (AUTH exchange). */
  authenticator?: Authenticator;
  /**
   * Called before every CONNECT, reconnects included (Paho 2's on_pre_connect): the username and
   * password for that connection, e.g. a token fetched fresh for a cloud broker. Replaces the
   * username and password options for that CONNECT; a throw fails the attempt with AUTH_ERROR.
   */
  credentials?: () => Credentials | Promise<Credentials>;
  /** Reconnect with back-off after losing a connection. Defaults to true (false with `externalLoop`). */
  autoReconnect?: boolean;
  /**
   * Paho's external event loop: the client starts no timer and reads and writes nothing on its own.
   * Call loopRead() when socket() is readable (its 'readable' event), loopWrite() while wantWrite()
   * (onSocketRegisterWrite tells when that starts), and loopMisc() every second or so (keepalive,
   * retries, timeouts). Reconnecting is then yours too (reconnect()), unless `autoReconnect: true`,
   * whose delay runs from loopMisc(). tcp and tls only (the ws transport cannot be read on demand).
   * Kept by reinitialise(). Defaults to false.
   */
  externalLoop?: boolean;
  /**
   * After a reconnect whose CONNACK says session present 0 (clean session, or a session the broker
   * lost or let expire), subscribe again to every filter subscribe() subscribed and unsubscribe()
   * did not remove, with the same options and properties, as MQTT.js does. A filter that onConnect
   * subscribes (synchronously) on that connection is not renewed a second time, so the Paho way
   * (subscribe in onConnect) sends each filter once. Renewals are logged, not reported through
   * onSubscribe. disconnect() and reinitialise() forget the filters. Defaults to true: messages
   * that silently stop after a reconnect are the worse surprise.
   */
  resubscribe?: boolean;
  /**
   * Hold the PUBACK (QoS 1) or PUBREC (QoS 2) of each received message until the application calls
   * `message.ack()` (or `client.ack(message)`); acks still leave in the order the messages arrived,
   * as MQTT requires, so an ack out of order waits for the earlier ones. A messages() iterator acks
   * each message as it hands it out (unless `messages(filter, { manualAck: true })`). A message no handler
   * receives (no callback, no onMessage, no messages() stream) is acked at once. A message not
   * acked when its connection drops is redelivered by the broker (cleanSession false); acking it
   * then does nothing. While `maxUnackedInbound` messages wait, the client stops reading from the
   * broker. MQTT 3.1, 3.1.1 and 5. Defaults to false (acked on arrival).
   */
  manualAck?: boolean;
  /**
   * With `manualAck`: unacknowledged messages at which reading from the broker pauses (it resumes
   * below). MQTT 5 uses the smaller of this and the Receive Maximum sent in CONNECT. Defaults to 100.
   */
  maxUnackedInbound?: number;
  /** v5: inbound topic aliases accepted. Defaults to 0. */
  topicAliasMaximum?: number;
  /** v5: assign outgoing topic aliases within the broker's maximum. Defaults to true. */
  autoTopicAlias?: boolean;
  /** The largest packet accepted from the broker, bytes. Defaults to no limit. */
  maximumPacketSize?: number;
  /**
   * Paho's suppress_exceptions. An exception thrown by a callback (onMessage, onConnect, a
   * messageCallbackAdd handler, ...) is always logged at MQTT_LOG_ERR; by default it is then
   * rethrown asynchronously (it reaches 'uncaughtException' / the browser's error event, as a
   * throwing Node event listener does). true: only log it and keep running. Defaults to false.
   */
  suppressExceptions?: boolean;
  /** As usernamePwSet(username, password) (MQTT.js users pass them here). */
  username?: string;
  /** As usernamePwSet(username, password): sent only with a `username`. */
  password?: string | Uint8Array;
  /** As willSet(topic, payload, qos, retain, properties). */
  will?: WillOption<P>;
  /** As tlsSet(settings); `true` is tlsSet() (the system CAs). */
  tls?: TlsSettings | boolean;
  /** As wsSetOptions({ path, headers }). */
  ws?: WsOptions;
}

/** The constructor's `will`: willSet()'s arguments by name. qos defaults to 0, retain to false. */
export interface WillOption<P extends MqttProtocol = MqttProtocol> {
  /** The topic the broker publishes the will to. */
  topic: string;
  /** The will's payload (a string is UTF-8 encoded). Defaults to empty. */
  payload?: PayloadInput;
  /** The will's QoS. Defaults to 0. */
  qos?: QoS;
  /** Publish the will retained. Defaults to false. */
  retain?: boolean;
  /** v5 will properties (will delay interval, message expiry, ...). */
  properties?: V5Properties<P>;
}

/** wsSetOptions()'s object form and the constructor's `ws`. */
export interface WsOptions {
  /** Defaults to '/mqtt'. */
  path?: string;
  /** Extra HTTP headers for the upgrade request, or a function that returns them per connection. */
  headers?: WsSettings['headers'];
}

/** tlsSet(): the seed's tls_set arguments, in node:tls terms. */
export interface TlsSettings {
  /** CA certificates (path, PEM or bytes): the seed's ca_certs. Defaults to the system CAs. */
  ca?: string | Uint8Array | ReadonlyArray<string | Uint8Array>;
  /** Client certificate (certfile). */
  cert?: string | Uint8Array;
  /** Client key (keyfile). */
  key?: string | Uint8Array;
  /** Passphrase of an encrypted key (keyfile_password). */
  passphrase?: string;
  /** Verify the broker's certificate chain (cert_reqs=CERT_REQUIRED). Defaults to true. */
  rejectUnauthorized?: boolean;
  /** Lowest TLS version (tls_version), e.g. 'TLSv1.2'. */
  minVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  /** Highest TLS version, e.g. 'TLSv1.2'. Defaults to node:tls's. */
  maxVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  /** OpenSSL cipher list (ciphers). */
  ciphers?: string;
  /** ALPN protocols offered. */
  alpnProtocols?: readonly string[];
  /** SNI / certificate name. Defaults to the host. */
  servername?: string;
  /** tlsSetContext(): a node:tls SecureContext. */
  secureContext?: unknown;
  /** tlsInsecureSet(true): skip the host name check (the chain is still verified). */
  insecure?: boolean;
}

/** wsSetOptions(): path and extra headers for WebSocket connections. */
export interface WsSettings {
  /** Defaults to '/mqtt'. */
  path: string;
  /** Extra headers, or a function of the default headers that returns the headers to send. */
  headers: Readonly<Record<string, string>> | ((defaults: Record<string, string>) => Record<string, string>) | undefined;
}

/** proxySet(): the seed's PySocks extra, as SOCKS5 or HTTP CONNECT. */
export interface ProxySettings {
  /** `'socks5'` (RFC 1928, with RFC 1929 username/password) or `'http'` (HTTP CONNECT). */
  type: 'socks5' | 'http';
  /** The proxy's host name or address; not empty. */
  host: string;
  /** The proxy's port. Defaults to 1080 for socks5 and 8080 for http. */
  port?: number;
  /** SOCKS5 username, or the HTTP Basic proxy authentication user. Defaults to none. */
  username?: string;
  /** The password that goes with `username`. Defaults to ''. */
  password?: string;
}

/** willSet() arguments, v5 properties included. */
export interface WillSettings {
  /** The Will Topic: a topic name, no wildcards. */
  topic: string;
  /** The Will Payload (a string given to willSet() is sent as UTF-8). */
  payload: Uint8Array;
  /** The Will QoS. */
  qos: QoS;
  /** The Will Retain flag. */
  retain: boolean;
  /** v5 Will properties (willDelayInterval, messageExpiryInterval, ...). */
  properties?: Properties;
}

/** Defaults the facade shows in seconds, as Paho does; the values live in core and the ws transport. */
export { DEFAULT_WS_PATH } from '@x/mqtt-transport-ws';
export { DEFAULT_CONNECT_TIMEOUT as DEFAULT_CONNECT_TIMEOUT_SECONDS, DEFAULT_KEEPALIVE as DEFAULT_KEEPALIVE_SECONDS } from '@x/mqtt-core';
