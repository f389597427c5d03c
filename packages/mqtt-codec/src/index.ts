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
