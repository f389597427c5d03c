// The one error type of the whole project: every failure carries a stable string `code`
// that callers branch on, and the MQTT 5 reason code where one applies.

/** Every `code` an `MqttError` can carry, across all @x/* packages. */
export type MqttErrorCode =
  // codec: bytes or packet objects that break the protocol
  | 'MALFORMED_PACKET' // bytes that cannot be a packet (0x81)
  | 'PROTOCOL_ERROR' // a well-formed packet that breaks a protocol rule (0x82)
  | 'PACKET_TOO_LARGE' // over maximumPacketSize, or over 268,435,455 bytes (0x95)
  | 'INVALID_PACKET' // a packet object that cannot be encoded
  | 'INVALID_UTF8' // ill-formed UTF-8, a surrogate, or U+0000 in a string
  | 'INVALID_TOPIC' // empty topic, wildcard in a topic name, bad filter
  | 'INVALID_QOS' // QoS outside 0..2
  | 'INVALID_FLAGS' // reserved fixed-header bits set wrongly
  | 'INVALID_PROPERTY' // unknown property, or one not allowed on this packet
  | 'DUPLICATE_PROPERTY' // a property repeated where it must appear once
  | 'INVALID_PACKET_ID' // packet id 0 (or missing) where one is required
  | 'INVALID_REASON_CODE' // a reason code not allowed on this packet
  | 'UNSUPPORTED_PROTOCOL_VERSION' // protocol level other than 3, 4, 5
  // core: the session
  | 'NOT_CONNECTED' // a command that needs a connection
  | 'INVALID_STATE' // a command or packet not allowed in the current state
  | 'QUEUE_FULL' // maxQueuedMessages reached
  | 'CONNECTION_REFUSED' // CONNACK with a failure code
  | 'KEEPALIVE_TIMEOUT' // no PINGRESP (or anything) in time
  | 'SERVER_DISCONNECT' // the broker sent DISCONNECT
  | 'UNKNOWN_PACKET_ID' // an ack for a packet id not in flight
  | 'TOPIC_ALIAS_INVALID' // alias 0, over the maximum, or unknown
  | 'RECEIVE_MAXIMUM_EXCEEDED' // the broker sent more QoS>0 PUBLISH than allowed
  | 'AUTH_ERROR' // enhanced authentication failed
  | 'SESSION_STORE_ERROR' // a SessionStore could not read or write
  | 'QOS_NOT_SUPPORTED' // v5: above the broker's Maximum QoS (0x9B)
  | 'RETAIN_NOT_SUPPORTED' // v5: the broker said Retain Available 0 (0x9A)
  | 'MESSAGE_EXPIRED' // v5: its Message Expiry Interval ran out before it could be sent
  | 'INTERNAL_ERROR' // a bug here: an input the session could not handle (reported, never thrown by receive)
  // transports and the client
  | 'CONNECTION_CLOSED' // the connection went away
  | 'CONNECT_TIMEOUT' // no connection (or no CONNACK) in time
  | 'TRANSPORT_ERROR' // socket-level failure (ECONNREFUSED, reset, ...)
  | 'TLS_ERROR' // handshake or certificate verification failure
  | 'PROXY_ERROR' // SOCKS5 / HTTP CONNECT proxy refused or failed
  | 'DNS_ERROR' // SRV or host lookup failed
  | 'ABORTED' // an AbortSignal fired
  | 'TIMEOUT' // a request was not answered in time
  | 'INVALID_ARGUMENT' // a bad argument to a public function
  | 'SUBSCRIBE_FAILED' // SUBACK refused a filter
  | 'UNSUBSCRIBE_FAILED'; // UNSUBACK refused a filter

/** Base error of every @x/mqtt package. Branch on `code`, never on `message`. */
export class MqttError extends Error {
  /** Always 'MqttError' (subclasses set their own name starting with 'Mqtt'). */
  override name = 'MqttError';
  /** What went wrong, as a stable string to branch on (see MqttErrorCode). */
  readonly code: MqttErrorCode;
  /** The MQTT 5 reason code this error maps to, when one exists (e.g. 0x81 Malformed Packet). */
  readonly reasonCode: number | undefined;

  constructor(code: MqttErrorCode, message: string, options: { reasonCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.reasonCode = options.reasonCode;
  }
}

/** Raised by the codec for bytes or packet objects that break the protocol. */
export class MqttProtocolError extends MqttError {
  /** Always 'MqttProtocolError'. */
  override name = 'MqttProtocolError';
}

/**
 * True when `value` is an MqttError. Use it instead of `instanceof MqttError`: the ESM and the
 * CommonJS build of a package (both loaded when one program both imports and requires it) and
 * bundled copies each have their own MqttError class, and instanceof fails across them.
 */
export function isMqttError(value: unknown): value is MqttError {
  return value instanceof MqttError || (value instanceof Error && typeof (value as { code?: unknown }).code === 'string' && value.name.startsWith('Mqtt'));
}
