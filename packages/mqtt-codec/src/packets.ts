// The packet model: one plain object per MQTT control packet, a union discriminated on `type`.
// The same objects serve MQTT 3.1 (level 3), 3.1.1 (4) and 5.0 (5); v5-only fields are
// optional and ignored (or rejected, where they would change meaning) by the v3 encoders.

/** Protocol levels as carried in CONNECT: 3 = MQTT 3.1, 4 = MQTT 3.1.1, 5 = MQTT 5.0. */
export const ProtocolVersion = { MQTT_3_1: 3, MQTT_3_1_1: 4, MQTT_5: 5 } as const;
export type ProtocolVersion = (typeof ProtocolVersion)[keyof typeof ProtocolVersion];

export type QoS = 0 | 1 | 2;

/** A v5 user property: a name/value pair. Order is kept and names may repeat. */
export type UserProperty = readonly [name: string, value: string];

/**
 * MQTT 5 properties, by name. Which ones a packet may carry is checked by the codec
 * (table in properties.ts). Binary data is a Uint8Array; flags that the spec encodes
 * as a 0/1 byte are booleans, except payloadFormatIndicator and maximumQoS.
 */
export interface Properties {
  payloadFormatIndicator?: 0 | 1; // 0x01
  messageExpiryInterval?: number; // 0x02
  contentType?: string; // 0x03
  responseTopic?: string; // 0x08
  correlationData?: Uint8Array; // 0x09
  /** 0x0B. A PUBLISH may carry several; a SUBSCRIBE at most one. */
  subscriptionIdentifiers?: number[];
  sessionExpiryInterval?: number; // 0x11
  assignedClientIdentifier?: string; // 0x12
  serverKeepAlive?: number; // 0x13
  authenticationMethod?: string; // 0x15
  authenticationData?: Uint8Array; // 0x16
  requestProblemInformation?: boolean; // 0x17
  willDelayInterval?: number; // 0x18
  requestResponseInformation?: boolean; // 0x19
  responseInformation?: string; // 0x1A
  serverReference?: string; // 0x1C
  reasonString?: string; // 0x1F
  receiveMaximum?: number; // 0x21
  topicAliasMaximum?: number; // 0x22
  topicAlias?: number; // 0x23
  maximumQoS?: 0 | 1; // 0x24
  retainAvailable?: boolean; // 0x25
  userProperties?: UserProperty[]; // 0x26
  maximumPacketSize?: number; // 0x27
  wildcardSubscriptionAvailable?: boolean; // 0x28
  subscriptionIdentifiersAvailable?: boolean; // 0x29
  sharedSubscriptionAvailable?: boolean; // 0x2A
}

export interface Will {
  topic: string;
  payload: Uint8Array;
  qos: QoS;
  retain: boolean;
  /** v5 will properties (willDelayInterval, messageExpiryInterval, contentType, ...). */
  properties?: Properties;
}

export interface ConnectPacket {
  type: 'connect';
  protocolVersion: ProtocolVersion;
  /** Defaults to 'MQIsdp' for level 3 and 'MQTT' otherwise. */
  protocolName?: string;
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
  username?: string;
  password?: Uint8Array;
  will?: Will;
  properties?: Properties;
}

export interface ConnackPacket {
  type: 'connack';
  sessionPresent: boolean;
  /** v3: the CONNACK return code (0-5); v5: the reason code. */
  reasonCode: number;
  properties?: Properties;
}

export interface PublishPacket {
  type: 'publish';
  topic: string;
  /** Decoded payloads are views into the received bytes, not copies. */
  payload: Uint8Array;
  qos: QoS;
  retain: boolean;
  dup: boolean;
  /** Present exactly when qos > 0 (never 0). */
  packetId?: number;
  properties?: Properties;
}

interface AckFields {
  packetId: number;
  /** v5 only; 0 (success) when absent on the wire. */
  reasonCode?: number;
  properties?: Properties;
}
export interface PubackPacket extends AckFields {
  type: 'puback';
}
export interface PubrecPacket extends AckFields {
  type: 'pubrec';
}
export interface PubrelPacket extends AckFields {
  type: 'pubrel';
}
export interface PubcompPacket extends AckFields {
  type: 'pubcomp';
}

export interface Subscription {
  topicFilter: string;
  qos: QoS;
  /** v5 subscription options. */
  noLocal?: boolean;
  retainAsPublished?: boolean;
  /** 0: send retained on subscribe; 1: only if the subscription is new; 2: never. */
  retainHandling?: 0 | 1 | 2;
}

export interface SubscribePacket {
  type: 'subscribe';
  packetId: number;
  subscriptions: Subscription[];
  properties?: Properties;
}

export interface SubackPacket {
  type: 'suback';
  packetId: number;
  /** One per requested filter: granted QoS (0-2) or a failure (0x80, or a v5 reason code). */
  reasonCodes: number[];
  properties?: Properties;
}

export interface UnsubscribePacket {
  type: 'unsubscribe';
  packetId: number;
  topicFilters: string[];
  properties?: Properties;
}

export interface UnsubackPacket {
  type: 'unsuback';
  packetId: number;
  /** v5 only: one reason code per filter. */
  reasonCodes?: number[];
  properties?: Properties;
}

export interface PingreqPacket {
  type: 'pingreq';
}
export interface PingrespPacket {
  type: 'pingresp';
}

export interface DisconnectPacket {
  type: 'disconnect';
  /** v5 only; 0 (normal disconnection) when absent on the wire. */
  reasonCode?: number;
  properties?: Properties;
}

/** v5 only. */
export interface AuthPacket {
  type: 'auth';
  /** 0x00 success, 0x18 continue authentication, 0x19 re-authenticate. */
  reasonCode: number;
  properties?: Properties;
}

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
