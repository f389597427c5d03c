// The packet model: one plain object per MQTT control packet, a union discriminated on `type`.
// The same objects serve MQTT 3.1 (level 3), 3.1.1 (4) and 5.0 (5); v5-only fields are
// optional and ignored (or rejected, where they would change meaning) by the v3 encoders.

/** Protocol levels as carried in CONNECT: 3 = MQTT 3.1, 4 = MQTT 3.1.1, 5 = MQTT 5.0. */
export const ProtocolVersion = {
  /** Level 3: MQTT 3.1 (protocol name 'MQIsdp'). */
  MQTT_3_1: 3,
  /** Level 4: MQTT 3.1.1 (protocol name 'MQTT'). */
  MQTT_3_1_1: 4,
  /** Level 5: MQTT 5.0 (protocol name 'MQTT'). */
  MQTT_5: 5,
} as const;
export type ProtocolVersion = (typeof ProtocolVersion)[keyof typeof ProtocolVersion];

/** Quality of Service: 0 at most once, 1 at least once, 2 exactly once (§4.3). */
export type QoS = 0 | 1 | 2;

/** A v5 user property: a name/value pair. Order is kept and names may repeat. */
export type UserProperty = readonly [name: string, value: string];

/**
 * MQTT 5 properties, by name. Which ones a packet may carry is checked by the codec
 * (table in properties.ts). Binary data is a Uint8Array; flags that the spec encodes
 * as a 0/1 byte are booleans, except payloadFormatIndicator and maximumQoS.
 */
export interface Properties {
  /** 0x01 Payload Format Indicator: 0 unspecified bytes, 1 UTF-8 character data. PUBLISH, will. */
  payloadFormatIndicator?: 0 | 1;
  /** 0x02 Message Expiry Interval, in seconds: how long the server keeps the message for delivery. PUBLISH, will. */
  messageExpiryInterval?: number;
  /** 0x03 Content Type: a description of the payload (for example a MIME type). PUBLISH, will. */
  contentType?: string;
  /** 0x08 Response Topic: the topic name a response to this message should be published to. PUBLISH, will. */
  responseTopic?: string;
  /** 0x09 Correlation Data: binary data that ties a response to its request. PUBLISH, will. */
  correlationData?: Uint8Array;
  /** 0x0B. A PUBLISH may carry several; a SUBSCRIBE at most one. */
  subscriptionIdentifiers?: number[];
  /** 0x11 Session Expiry Interval, in seconds; absent or 0: the session ends with the connection, 0xFFFFFFFF: never. CONNECT, CONNACK, DISCONNECT. */
  sessionExpiryInterval?: number;
  /** 0x12 Assigned Client Identifier: the client id the server chose for a CONNECT with an empty one. CONNACK. */
  assignedClientIdentifier?: string;
  /** 0x13 Server Keep Alive, in seconds: the keepalive the client must use instead of its own. CONNACK. */
  serverKeepAlive?: number;
  /** 0x15 Authentication Method: names the extended authentication method (§4.12). CONNECT, CONNACK, AUTH. */
  authenticationMethod?: string;
  /** 0x16 Authentication Data: binary data of the authentication method's exchange. CONNECT, CONNACK, AUTH. */
  authenticationData?: Uint8Array;
  /** 0x17 Request Problem Information: false asks the server to send reason strings and user properties only on PUBLISH, CONNACK and DISCONNECT; absent means true. CONNECT. */
  requestProblemInformation?: boolean;
  /** 0x18 Will Delay Interval, in seconds: how long the server waits after the connection closes before it publishes the will. Will. */
  willDelayInterval?: number;
  /** 0x19 Request Response Information: true asks the server for responseInformation in CONNACK; absent means false. CONNECT. */
  requestResponseInformation?: boolean;
  /** 0x1A Response Information: a basis the client may build response topics from. CONNACK. */
  responseInformation?: string;
  /** 0x1C Server Reference: another server to use (with reason 0x9C Use another server or 0x9D Server moved). CONNACK, DISCONNECT. */
  serverReference?: string;
  /** 0x1F Reason String: a human-readable diagnostic, not meant to be parsed. CONNACK, PUBACK to PUBCOMP, SUBACK, UNSUBACK, DISCONNECT, AUTH. */
  reasonString?: string;
  /** 0x21 Receive Maximum (1-65535): how many QoS 1 and 2 PUBLISH the sender accepts unacknowledged at once; absent means 65535. CONNECT, CONNACK. */
  receiveMaximum?: number;
  /** 0x22 Topic Alias Maximum: the highest topic alias the sender accepts; absent or 0: none. CONNECT, CONNACK. */
  topicAliasMaximum?: number;
  /** 0x23 Topic Alias (1-65535): stands for the topic name on this connection; with it the topic may be empty. PUBLISH. */
  topicAlias?: number;
  /** 0x24 Maximum QoS the server supports; absent means 2. CONNACK. */
  maximumQoS?: 0 | 1;
  /** 0x25 Retain Available: false when the server does not support retained messages; absent means true. CONNACK. */
  retainAvailable?: boolean;
  /** 0x26 User Properties: name/value pairs, in order, names may repeat. Any packet but PINGREQ and PINGRESP, and the will. */
  userProperties?: UserProperty[];
  /** 0x27 Maximum Packet Size, in bytes (1 or more): the largest packet the sender accepts; absent: no limit but the protocol's. CONNECT, CONNACK. */
  maximumPacketSize?: number;
  /** 0x28 Wildcard Subscription Available; absent means true. CONNACK. */
  wildcardSubscriptionAvailable?: boolean;
  /** 0x29 Subscription Identifiers Available; absent means true. CONNACK. */
  subscriptionIdentifiersAvailable?: boolean;
  /** 0x2A Shared Subscription Available; absent means true. CONNACK. */
  sharedSubscriptionAvailable?: boolean;
}

/** The Will Message of a CONNECT: what the server publishes when the connection ends without a normal DISCONNECT. */
export interface Will {
  /** The topic name to publish the will to; not empty, no wildcards. */
  topic: string;
  /** The will message's payload. */
  payload: Uint8Array;
  /** The QoS to publish the will at. */
  qos: QoS;
  /** Publish the will as a retained message. */
  retain: boolean;
  /** v5 will properties (willDelayInterval, messageExpiryInterval, contentType, ...). */
  properties?: Properties;
}

/** CONNECT (§3.1): the first packet a client sends on a connection. */
export interface ConnectPacket {
  /** Discriminant: always 'connect'. */
  type: 'connect';
  /** The protocol level; the encoder rejects one that is not the level it encodes at. */
  protocolVersion: ProtocolVersion;
  /** Defaults to 'MQIsdp' for level 3 and 'MQTT' otherwise. */
  protocolName?: string;
  /** The Client Identifier; '' asks the server to assign one (at level 4 only with cleanStart, [MQTT-3.1.3-7]). */
  clientId: string;
  /** Clean Session (3.1, 3.1.1) or Clean Start (5.0). */
  cleanStart: boolean;
  /** Seconds; 0 disables keepalive. */
  keepalive: number;
  /**
   * Bridge extension (mosquitto, RSMB): the protocol level is sent with bit 7 set, telling the
   * broker that a bridge connects. Present (true) only when used.
   */
  bridgeMode?: boolean;
  /** The User Name; sent when present. */
  username?: string;
  /** The Password, binary; sent when present. Before MQTT 5 it needs a username ([MQTT-3.1.2-22]). */
  password?: Uint8Array;
  /** The Will Message; absent for none. */
  will?: Will;
  /** MQTT 5 properties; written and read only at level 5. */
  properties?: Properties;
}

/** CONNACK (§3.2): the server's answer to CONNECT. */
export interface ConnackPacket {
  /** Discriminant: always 'connack'. */
  type: 'connack';
  /** Session Present: the server resumed a session it held for this client id. */
  sessionPresent: boolean;
  /** v3: the CONNACK return code (0-5); v5: the reason code. */
  reasonCode: number;
  /** MQTT 5 properties; written and read only at level 5. */
  properties?: Properties;
}

/** PUBLISH (§3.3): an application message, in either direction. */
export interface PublishPacket {
  /** Discriminant: always 'publish'. */
  type: 'publish';
  /** The topic name; no wildcards, and empty only in MQTT 5 with a topicAlias property. */
  topic: string;
  /** Decoded payloads are views into the received bytes, not copies. */
  payload: Uint8Array;
  /** The QoS of this delivery. */
  qos: QoS;
  /** RETAIN flag (§3.3.1.3): to the server, store the message for future subscribers; from it, a retained message. */
  retain: boolean;
  /** DUP flag: this is a resend of an earlier attempt; always false at QoS 0 ([MQTT-3.3.1-2]). */
  dup: boolean;
  /** Present exactly when qos > 0 (never 0). */
  packetId?: number;
  /** MQTT 5 properties; written and read only at level 5. */
  properties?: Properties;
}

interface AckFields {
  /** The Packet Identifier of the QoS 1 or 2 PUBLISH this packet belongs to (1-65535). */
  packetId: number;
  /** v5 only; 0 (success) when absent on the wire. */
  reasonCode?: number;
  /** MQTT 5 properties; written and read only at level 5. */
  properties?: Properties;
}
/** PUBACK (§3.4): acknowledges a QoS 1 PUBLISH. */
export interface PubackPacket extends AckFields {
  /** Discriminant: always 'puback'. */
  type: 'puback';
}
/** PUBREC (§3.5): the first answer to a QoS 2 PUBLISH. */
export interface PubrecPacket extends AckFields {
  /** Discriminant: always 'pubrec'. */
  type: 'pubrec';
}
/** PUBREL (§3.6): answers a PUBREC, releasing the QoS 2 message. */
export interface PubrelPacket extends AckFields {
  /** Discriminant: always 'pubrel'. */
  type: 'pubrel';
}
/** PUBCOMP (§3.7): answers a PUBREL, completing the QoS 2 exchange. */
export interface PubcompPacket extends AckFields {
  /** Discriminant: always 'pubcomp'. */
  type: 'pubcomp';
}

/** One entry of a SUBSCRIBE: a topic filter and its subscription options. */
export interface Subscription {
  /** The topic filter; may hold the wildcards + and #. */
  topicFilter: string;
  /** The highest QoS the server may send messages matching this filter at. */
  qos: QoS;
  /** v5 subscription options. */
  noLocal?: boolean;
  /** v5: forwarded messages keep the RETAIN flag they were published with. */
  retainAsPublished?: boolean;
  /** 0: send retained on subscribe; 1: only if the subscription is new; 2: never. */
  retainHandling?: 0 | 1 | 2;
}

/** SUBSCRIBE (§3.8): asks the server for messages matching one or more topic filters. */
export interface SubscribePacket {
  /** Discriminant: always 'subscribe'. */
  type: 'subscribe';
  /** The Packet Identifier (1-65535); the SUBACK carries it back. */
  packetId: number;
  /** The filters subscribed to; at least one ([MQTT-3.8.3-3]). */
  subscriptions: Subscription[];
  /** MQTT 5 properties; written and read only at level 5. */
  properties?: Properties;
}

/** SUBACK (§3.9): the server's answer to a SUBSCRIBE. */
export interface SubackPacket {
  /** Discriminant: always 'suback'. */
  type: 'suback';
  /** The Packet Identifier of the SUBSCRIBE answered. */
  packetId: number;
  /** One per requested filter: granted QoS (0-2) or a failure (0x80, or a v5 reason code). */
  reasonCodes: number[];
  /** MQTT 5 properties; written and read only at level 5. */
  properties?: Properties;
}

/** UNSUBSCRIBE (§3.10): asks the server to remove subscriptions. */
export interface UnsubscribePacket {
  /** Discriminant: always 'unsubscribe'. */
  type: 'unsubscribe';
  /** The Packet Identifier (1-65535); the UNSUBACK carries it back. */
  packetId: number;
  /** The topic filters to unsubscribe from; at least one ([MQTT-3.10.3-2]). */
  topicFilters: string[];
  /** MQTT 5 properties; written and read only at level 5. */
  properties?: Properties;
}

/** UNSUBACK (§3.11): the server's answer to an UNSUBSCRIBE. */
export interface UnsubackPacket {
  /** Discriminant: always 'unsuback'. */
  type: 'unsuback';
  /** The Packet Identifier of the UNSUBSCRIBE answered. */
  packetId: number;
  /** v5 only: one reason code per filter. */
  reasonCodes?: number[];
  /** MQTT 5 properties; written and read only at level 5. */
  properties?: Properties;
}

/** PINGREQ (§3.12): the client's keepalive probe. */
export interface PingreqPacket {
  /** Discriminant: always 'pingreq'. */
  type: 'pingreq';
}
/** PINGRESP (§3.13): the server's answer to a PINGREQ. */
export interface PingrespPacket {
  /** Discriminant: always 'pingresp'. */
  type: 'pingresp';
}

/** DISCONNECT (§3.14): the last packet before a deliberate close; from the server only in MQTT 5. */
export interface DisconnectPacket {
  /** Discriminant: always 'disconnect'. */
  type: 'disconnect';
  /** v5 only; 0 (normal disconnection) when absent on the wire. */
  reasonCode?: number;
  /** MQTT 5 properties; written and read only at level 5. */
  properties?: Properties;
}

/** v5 only. */
export interface AuthPacket {
  /** Discriminant: always 'auth'. */
  type: 'auth';
  /** 0x00 success, 0x18 continue authentication, 0x19 re-authenticate. */
  reasonCode: number;
  /** MQTT 5 properties; written and read only at level 5. */
  properties?: Properties;
}

/** Any MQTT control packet: a union discriminated on `type`. */
export type Packet =
  | ConnectPacket
  | ConnackPacket
  | PublishPacket
  | PubackPacket
  | PubrecPacket
  | PubrelPacket
  | PubcompPacket
  | SubscribePacket
  | SubackPacket
  | UnsubscribePacket
  | UnsubackPacket
  | PingreqPacket
  | PingrespPacket
  | DisconnectPacket
  | AuthPacket;

/** The `type` of a packet: 'connect', 'connack', 'publish', ... 'auth'. */
export type PacketType = Packet['type'];

/** Control packet type numbers (the high nibble of the first byte). */
export const PACKET_TYPE_CODES: Readonly<Record<PacketType, number>> = {
  connect: 1,
  connack: 2,
  publish: 3,
  puback: 4,
  pubrec: 5,
  pubrel: 6,
  pubcomp: 7,
  subscribe: 8,
  suback: 9,
  unsubscribe: 10,
  unsuback: 11,
  pingreq: 12,
  pingresp: 13,
  disconnect: 14,
  auth: 15,
};
