// CONNECT and CONNACK. CONNECT carries its own protocol level, so it is decoded by that level,
// not by the decoder's; 'MQIsdp' (3.1) and 'MQTT' are the only protocol names accepted.
// Canonical form: protocolName and bridgeMode appear only when they differ from the defaults.
import { fail, invalidPacket, invalidQos, malformed, REASON_PROTOCOL_ERROR, REASON_UNSUPPORTED_PROTOCOL_VERSION } from './fail.js';
import type { PacketCodec } from './packet-codec.js';
import type { ConnackPacket, ConnectPacket, ProtocolVersion, Will } from './packets.js';
import { readProperties, withProperties, writeProperties } from './properties.js';
import { checkReasonCode, isConnackReturnCode } from './reason-codes.js';
import { checkTopicName } from './topic.js';
import { checkBoolean, checkOptionalBoolean, checkQos, checkUint16, isObject } from './writer.js';

/** The protocol name a level uses unless told otherwise. */
export function defaultProtocolName(version: ProtocolVersion): string {
  return version === 3 ? 'MQIsdp' : 'MQTT';
}

export function isProtocolVersion(value: unknown): value is ProtocolVersion {
  return value === 3 || value === 4 || value === 5;
}

/** Returns `value` if it is 3, 4 or 5; otherwise throws UNSUPPORTED_PROTOCOL_VERSION (0x84). */
export function checkProtocolVersion(value: unknown, what: string): ProtocolVersion {
  if (!isProtocolVersion(value)) unsupported(`${what} ${String(value)} is not 3, 4 or 5`);
  return value;
}

function unsupported(message: string): never {
  return fail('UNSUPPORTED_PROTOCOL_VERSION', message, REASON_UNSUPPORTED_PROTOCOL_VERSION);
}

const BRIDGE_BIT = 0x80;
const FLAG_USERNAME = 0x80;
const FLAG_PASSWORD = 0x40;
const FLAG_WILL_RETAIN = 0x20;
const FLAG_WILL = 0x04;
const FLAG_CLEAN = 0x02;
const FLAG_RESERVED = 0x01;

/** The will's own rules; its strings and properties are checked as they are written. */
function checkWill(will: unknown): void {
  if (!isObject(will)) invalidPacket('connect: will must be an object');
  if (typeof will.topic !== 'string') invalidPacket('connect: will topic must be a string');
  checkTopicName(will.topic);
  checkQos(will.qos, 'will');
  checkBoolean(will.retain, 'will retain');
}

function connectFlags(packet: ConnectPacket): number {
  const { will } = packet;
  let flags = packet.cleanStart ? FLAG_CLEAN : 0;
  if (will !== undefined) flags |= FLAG_WILL | (will.qos << 3) | (will.retain ? FLAG_WILL_RETAIN : 0);
  if (packet.username !== undefined) flags |= FLAG_USERNAME;
  if (packet.password !== undefined) flags |= FLAG_PASSWORD;
  return flags;
}

export const connectCodec: PacketCodec<ConnectPacket> = {
  write(w, packet, version) {
    checkProtocolVersion(packet.protocolVersion, 'connect: protocol level');
    if (packet.protocolVersion !== version) invalidPacket(`connect: protocolVersion ${packet.protocolVersion} is not the encoder's ${version}`);
    const name = packet.protocolName ?? defaultProtocolName(version);
    if (name !== 'MQTT' && name !== 'MQIsdp') invalidPacket(`connect: protocol name must be 'MQTT' or 'MQIsdp'`);
    checkOptionalBoolean(packet.bridgeMode, 'connect: bridgeMode');
    checkBoolean(packet.cleanStart, 'connect: cleanStart');
    checkUint16(packet.keepalive, 'connect: keepalive');
    // [MQTT-3.1.3-7] a zero-byte client id needs a clean session (3.1.1)
    if (version === 4 && packet.clientId === '' && !packet.cleanStart) invalidPacket('connect: an empty client id needs cleanStart');
    // [MQTT-3.1.2-22] before v5, a password needs a user name
    if (version !== 5 && packet.password !== undefined && packet.username === undefined) invalidPacket('connect: a password needs a username before MQTT 5');
    const { will } = packet;
    if (will !== undefined) checkWill(will);
    w.utf8(name, 'protocol name');
    w.u8(version | (packet.bridgeMode === true ? BRIDGE_BIT : 0));
    w.u8(connectFlags(packet));
    w.u16(packet.keepalive);
    if (version === 5) writeProperties(w, packet.properties, 'connect');
    w.utf8(packet.clientId, 'client identifier');
    if (will !== undefined) {
      if (version === 5) writeProperties(w, will.properties, 'will');
      w.utf8(will.topic, 'will topic');
      w.binary(will.payload, 'will payload');
    }
    if (packet.username !== undefined) w.utf8(packet.username, 'username');
    if (packet.password !== undefined) w.binary(packet.password, 'password');
  },
  decode(r) {
    const protocolName = r.utf8('protocol name');
    const level = r.u8('protocol level');
    if (protocolName !== 'MQTT' && protocolName !== 'MQIsdp') unsupported(`connect: unknown protocol name ${JSON.stringify(protocolName)}`);
    const version = checkProtocolVersion(level & ~BRIDGE_BIT, 'connect: protocol level');
    const flags = r.u8('connect flags');
    if (flags & FLAG_RESERVED) malformed('connect: reserved flag bit 0 is set'); // [MQTT-3.1.2-3]
    const hasWill = (flags & FLAG_WILL) !== 0;
    const willQos = (flags >> 3) & 0b11;
    if (willQos === 3) invalidQos('connect: will'); // [MQTT-3.1.2-14]
    if (!hasWill && (willQos !== 0 || flags & FLAG_WILL_RETAIN)) malformed('connect: will QoS and will retain must be 0 without a will'); // [MQTT-3.1.2-13], [MQTT-3.1.2-15]
    const hasUsername = (flags & FLAG_USERNAME) !== 0;
    const hasPassword = (flags & FLAG_PASSWORD) !== 0;
    if (version !== 5 && hasPassword && !hasUsername) fail('PROTOCOL_ERROR', 'connect: a password needs a username before MQTT 5', REASON_PROTOCOL_ERROR); // [MQTT-3.1.2-22]
    const keepalive = r.u16('keep alive');
    const properties = version === 5 ? readProperties(r, 'connect') : undefined;
    const clientId = r.utf8('client identifier');
    const packet: ConnectPacket = { type: 'connect', protocolVersion: version, clientId, cleanStart: (flags & FLAG_CLEAN) !== 0, keepalive };
    if (protocolName !== defaultProtocolName(version)) packet.protocolName = protocolName;
    if (level & BRIDGE_BIT) packet.bridgeMode = true;
    withProperties(packet, properties);
    if (hasWill) {
      const willProperties = version === 5 ? readProperties(r, 'will') : undefined;
      const topic = r.utf8('will topic');
      checkTopicName(topic);
      packet.will = withProperties<Will>({ topic, payload: r.binary('will payload'), qos: willQos as 0 | 1 | 2, retain: (flags & FLAG_WILL_RETAIN) !== 0 }, willProperties);
    }
    if (hasUsername) packet.username = r.utf8('username');
    if (hasPassword) packet.password = r.binary('password');
    r.done('connect');
    return packet;
  },
};

// ---- CONNACK ------------------------------------------------------------------------------

export const connackCodec: PacketCodec<ConnackPacket> = {
  write(w, packet, version) {
    checkBoolean(packet.sessionPresent, 'connack: sessionPresent');
    checkReasonCode('connack', packet.reasonCode, version);
    w.u8(packet.sessionPresent ? 1 : 0);
    w.u8(packet.reasonCode);
    if (version === 5) writeProperties(w, packet.properties, 'connack');
  },
  decode(r, _flags, version) {
    const ackFlags = r.u8('connack flags');
    if (ackFlags & 0xfe) malformed('connack: reserved flag bits 7-1 are set'); // [MQTT-3.2.2-1] (v5)
    const packet: ConnackPacket = { type: 'connack', sessionPresent: ackFlags === 1, reasonCode: 0 };
    if (version !== 5) {
      packet.reasonCode = checkReasonCode('connack', r.u8('return code'), version, true);
      r.done('connack');
      return packet;
    }
    // Lenient on purpose: a v3-only server answers a v5 CONNECT with a 2-byte 3.1.1 CONNACK
    // (return code 1), which must reach the client as such. A v5 CONNACK has a reason code: a
    // 1-byte body is malformed, never a Success (3.2.2.2).
    if (r.remaining === 0) malformed('connack: no reason code');
    const legacy = r.remaining === 1; // the whole body was 2 bytes: flags and a return code
    const code = r.u8('reason code');
    packet.reasonCode = checkReasonCode('connack', code, legacy && isConnackReturnCode(code) ? 4 : 5, true);
    withProperties(packet, r.remaining > 0 ? readProperties(r, 'connack') : undefined);
    r.done('connack');
    return packet;
  },
};
