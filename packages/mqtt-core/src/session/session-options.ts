// Options of a Session, with their defaults (Paho 1.5's where Paho has one). Times are seconds,
// as in MQTT and in Paho; the clock values passed to the Session are milliseconds.

import { MqttError } from '@x/mqtt-codec';
import type { Properties, ProtocolVersion, Will } from '@x/mqtt-codec';

/** Paho's default protocol: MQTT 3.1.1. */
export const DEFAULT_PROTOCOL_VERSION: ProtocolVersion = 4;
/** Paho's connect(keepalive=60). */
export const DEFAULT_KEEPALIVE = 60;
/** Paho's max_inflight_messages_set default. */
export const DEFAULT_MAX_INFLIGHT_MESSAGES = 20;
/** Paho's max_queued_messages_set default: 0 = unlimited. */
export const DEFAULT_MAX_QUEUED_MESSAGES = 0;
/** Paho's message_retry_set default, seconds. */
export const DEFAULT_RETRY_INTERVAL = 5;
/** Seconds to wait for CONNACK. */
export const DEFAULT_CONNECT_TIMEOUT = 30;
/** The largest packet MQTT can carry: 268,435,455 bytes of remaining length plus header. */
export const DEFAULT_MAXIMUM_PACKET_SIZE = 268_435_460;
/** Inbound topic aliases accepted (v5): none unless asked for. */
export const DEFAULT_TOPIC_ALIAS_MAXIMUM = 0;
/** Inbound QoS>0 messages the broker may have unacknowledged (v5 Receive Maximum). */
export const DEFAULT_RECEIVE_MAXIMUM = 65535;

/** Options of a Session (and of the engine). Times are in seconds. */
export interface SessionOptions {
  /** 3 (MQTT 3.1), 4 (3.1.1) or 5 (5.0). Defaults to 4. */
  protocolVersion: ProtocolVersion;
  /** Defaults to '' (the broker assigns one; needs cleanSession). */
  clientId: string;
  /** Clean Session (v3) / Clean Start (v5). Defaults to true. */
  cleanSession: boolean;
  /** Seconds; 0 disables. Defaults to 60. A v5 Server Keep Alive overrides it [MQTT-3.2.2-21]. */
  keepalive: number;
  /** Seconds to wait for anything after a PINGREQ. Defaults to half the keepalive in effect (0), so a dead link is found within 1.5 x keepalive. */
  pingTimeout: number;
  /** The CONNECT User Name. Defaults to none. */
  username: string | undefined;
  /** Never logged. */
  password: Uint8Array | string | undefined;
  /** The Will Message sent in CONNECT. Defaults to none. */
  will: Will | undefined;
  /** v5 CONNECT properties (sessionExpiryInterval, userProperties, authenticationMethod, ...). */
  connectProperties: Properties | undefined;
  /** QoS>0 PUBLISH in flight at once; 0 = no limit. v5: also capped by the broker's Receive Maximum. Defaults to 20. */
  maxInflightMessages: number;
  /** Messages waiting outside the window (and, while disconnected, all pending ones); 0 = no limit. Defaults to 0. */
  maxQueuedMessages: number;
  /** Seconds before an unacknowledged PUBLISH/PUBREL is resent on the same connection; 0 = never. v5 never does [MQTT-4.4.0-1]. Defaults to 5. */
  retryInterval: number;
  /** Seconds to wait for CONNACK. Defaults to 30. */
  connectTimeout: number;
  /** Largest packet we accept (v5: sent as Maximum Packet Size). Defaults to 268,435,460 (no limit). */
  maximumPacketSize: number;
  /** v5: inbound topic aliases we accept. Defaults to 0. */
  topicAliasMaximum: number;
  /** v5: inbound QoS>0 PUBLISH unacknowledged at once. Defaults to 65535. */
  receiveMaximum: number;
  /** v5: assign outgoing topic aliases within the broker's Topic Alias Maximum. Defaults to true. */
  autoTopicAlias: boolean;
  /**
   * Hold the PUBACK/PUBREC of each inbound QoS 1/2 message until Session.ack() is called for it;
   * acks still leave in PUBLISH-arrival order [MQTT-4.6.0-2] [MQTT-4.6.0-3]. Defaults to false (acked on arrival).
   */
  manualAck: boolean;
  /** Emit `persist` effects for a SessionStore. Defaults to true; the engine turns them off when it has no store. */
  persistEffects: boolean;
}

/** Options with defaults filled in. */
export type ResolvedSessionOptions = Readonly<SessionOptions>;

/**
 * One setting, one meaning: a limit we announce in CONNECT (Receive Maximum, Topic Alias Maximum,
 * Maximum Packet Size) is also the limit we enforce, whether it was given as an option or as a
 * CONNECT property (the Paho way); given both ways with different values, INVALID_ARGUMENT.
 */
function inboundLimit(options: Readonly<Partial<SessionOptions>>, name: 'receiveMaximum' | 'topicAliasMaximum' | 'maximumPacketSize', fallback: number): number {
  const option = options[name];
  const property = options.protocolVersion === 5 ? options.connectProperties?.[name] : undefined;
  if (option !== undefined && property !== undefined && option !== property) {
    throw new MqttError('INVALID_ARGUMENT', `${name} is ${option} but connectProperties.${name} is ${property}: set it once`);
  }
  return option ?? property ?? fallback;
}

/**
 * Fills in the defaults. A limit given both as an option and as a v5 CONNECT property
 * (receiveMaximum, topicAliasMaximum, maximumPacketSize) with different values throws INVALID_ARGUMENT.
 */
export function resolveSessionOptions(options: Readonly<Partial<SessionOptions>>): ResolvedSessionOptions {
  const keepalive = options.keepalive ?? DEFAULT_KEEPALIVE;
  return {
    protocolVersion: options.protocolVersion ?? DEFAULT_PROTOCOL_VERSION,
    clientId: options.clientId ?? '',
    cleanSession: options.cleanSession ?? true,
    keepalive,
    pingTimeout: options.pingTimeout ?? 0,
    username: options.username,
    password: options.password,
    will: options.will,
    connectProperties: options.connectProperties,
    maxInflightMessages: options.maxInflightMessages ?? DEFAULT_MAX_INFLIGHT_MESSAGES,
    maxQueuedMessages: options.maxQueuedMessages ?? DEFAULT_MAX_QUEUED_MESSAGES,
    retryInterval: options.retryInterval ?? DEFAULT_RETRY_INTERVAL,
    connectTimeout: options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT,
    maximumPacketSize: inboundLimit(options, 'maximumPacketSize', DEFAULT_MAXIMUM_PACKET_SIZE),
    topicAliasMaximum: inboundLimit(options, 'topicAliasMaximum', DEFAULT_TOPIC_ALIAS_MAXIMUM),
    receiveMaximum: inboundLimit(options, 'receiveMaximum', DEFAULT_RECEIVE_MAXIMUM),
    autoTopicAlias: options.autoTopicAlias ?? true,
    manualAck: options.manualAck ?? false,
    persistEffects: options.persistEffects ?? true,
  };
}
