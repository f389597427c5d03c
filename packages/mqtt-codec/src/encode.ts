// encode(packet, version): one exact-size Uint8Array per packet. A packet's `write` runs twice: over
// a Measurer, which validates it and counts its bytes, then over a Writer of exactly that size.
// Invariant: nothing is written before everything is validated; only MqttProtocolError leaves here.
import { CODECS, fixedFlags, typeCode } from './codecs.js';
import { checkProtocolVersion } from './connect.js';
import { asMqttError, invalidPacket } from './fail.js';
import type { PacketCodec } from './packet-codec.js';
import type { Packet, ProtocolVersion } from './packets.js';
import { encodePublish, publishRemainingLength } from './publish.js';
import { varintLength } from './varint.js';
import { allocate, checkRemainingLength, isObject, Measurer, Writer } from './writer.js';

/** The Remaining Length of `packet` (validating it all), and the codec that writes it. */
function measure(packet: Packet, version: ProtocolVersion): [codec: PacketCodec<Packet>, remaining: number] {
  if (!isObject(packet)) invalidPacket('packet must be an object');
  const codec = CODECS[typeCode(packet.type)];
  if (codec === undefined) invalidPacket(`unknown packet type ${JSON.stringify(String(packet.type))}`);
  const m = new Measurer();
  codec.write(m, packet, version);
  return [codec, checkRemainingLength(packet.type, m.pos)];
}

/**
 * Encodes one packet for `protocolVersion` (3 = MQTT 3.1, 4 = 3.1.1, 5 = 5.0). A CONNECT must
 * carry the same protocolVersion. Throws MqttProtocolError (INVALID_PACKET or a more specific
 * code) for a packet that the protocol or the packet model does not allow.
 */
export function encode(packet: Packet, protocolVersion: ProtocolVersion): Uint8Array {
  try {
    checkProtocolVersion(protocolVersion, 'protocol version');
    if (isObject(packet)) {
      if (packet.type === 'publish') return encodePublish(packet, protocolVersion);
      const ack = encodeShortAck(packet);
      if (ack !== undefined) return ack;
    }
    const [codec, remaining] = measure(packet, protocolVersion);
    const type = typeCode(packet.type);
    const w = new Writer(allocate(1 + varintLength(remaining) + remaining));
    w.u8((type << 4) | fixedFlags(type));
    w.varint(remaining);
    codec.write(w, packet, protocolVersion);
    return w.buf;
  } catch (error) {
    throw asMqttError(error, 'INVALID_PACKET');
  }
}

/**
 * PUBACK, PUBREC, PUBREL or PUBCOMP with a valid packet id, reason code 0 (or none) and no
 * properties: 4 bytes in every version (§3.4.2.1), written without measuring. Else undefined.
 */
function encodeShortAck(packet: Packet): Uint8Array | undefined {
  let first: number;
  if (packet.type === 'puback') first = 0x40;
  else if (packet.type === 'pubrec') first = 0x50;
  else if (packet.type === 'pubrel') first = 0x62;
  else if (packet.type === 'pubcomp') first = 0x70;
  else return undefined;
  const id = packet.packetId;
  if (packet.properties !== undefined || (packet.reasonCode ?? 0) !== 0 || !Number.isInteger(id) || id < 1 || id > 0xffff) return undefined;
  const out = allocate(4);
  out[0] = first;
  out[1] = 2;
  out[2] = id >> 8;
  out[3] = id & 0xff;
  return out;
}

/** The size `encode` would return, without encoding; validates the packet the same way. */
export function encodedLength(packet: Packet, protocolVersion: ProtocolVersion): number {
  try {
    checkProtocolVersion(protocolVersion, 'protocol version');
    const remaining = isObject(packet) && packet.type === 'publish' ? publishRemainingLength(packet, protocolVersion) : measure(packet, protocolVersion)[1];
    return 1 + varintLength(remaining) + remaining;
  } catch (error) {
    throw asMqttError(error, 'INVALID_PACKET');
  }
}
