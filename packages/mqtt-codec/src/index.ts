// @x/mqtt-codec: bytes <-> MQTT packet objects for MQTT 3.1, 3.1.1 and 5.0. Zero dependencies,
// no Node built-ins: runs unchanged in Node.js, browsers, Deno and workers.

// errors
export { MqttError, MqttProtocolError, isMqttError } from './errors.js';
export type { MqttErrorCode } from './errors.js';

// the packet model
export { ProtocolVersion, PACKET_TYPE_CODES } from './packets.js';
export type {
  QoS,
  UserProperty,
  Properties,
  Will,
  Packet,
  PacketType,
  ConnectPacket,
  ConnackPacket,
  PublishPacket,
  PubackPacket,
  PubrecPacket,
  PubrelPacket,
  PubcompPacket,
  Subscription,
  SubscribePacket,
  SubackPacket,
  UnsubscribePacket,
  UnsubackPacket,
  PingreqPacket,
  PingrespPacket,
  DisconnectPacket,
  AuthPacket,
} from './packets.js';

// encoding
export { encode, encodedLength } from './encode.js';

// decoding
export { Decoder, DecoderState, decodeOne, DEFAULT_MAXIMUM_PACKET_SIZE, MAXIMUM_PACKET_SIZE_LIMIT, MINIMUM_PACKET_SIZE } from './decoder.js';
export type { DecoderOptions } from './decoder.js';

// tables: reason codes and properties, as data
export { REASON_CODES, CONNACK_RETURN_CODES, SUBACK_FAILURE, reasonCodeName, isReasonCodeAllowed, isFailureReasonCode } from './reason-codes.js';
export type { ReasonCodeDefinition } from './reason-codes.js';
export { PROPERTY_TABLE, propertyById, propertyByName } from './properties.js';
export type { PropertyDefinition, PropertyContext, PropertyWireType } from './properties.js';

// validation helpers
export { isValidTopicName, isValidTopicFilter } from './topic.js';
export { MAX_VARINT as MAXIMUM_REMAINING_LENGTH } from './varint.js';
