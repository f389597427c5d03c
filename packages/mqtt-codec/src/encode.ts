// encode(packet, version): one exact-size Uint8Array per packet. Everything is measured (and so
// validated) before a single byte is written. Invariant: only MqttProtocolError leaves here.
import { codecFor } from './codecs.js';
import { checkProtocolVersion } from './connect.js';
import { asMqttError, invalidPacket } from './fail.js';
import type { Packet, ProtocolVersion } from './packets.js';
import { encodePublish } from './publish.js';
import { varintLength } from './varint.js';
import { checkRemainingLength, isObject, Writer } from './writer.js';


function remainingLength(packet: Packet, version: ProtocolVersion): number {
  if (!isObject(packet)) invalidPacket('packet must be an object');
  const codec = codecFor(packet.type);
  if (codec === undefined) invalidPacket(`unknown packet type ${JSON.stringify(String(packet.type))}`);
  const remaining = codec.measure(packet, version);
  return checkRemainingLength(packet.type, remaining);
}

/**
 * Encodes one packet for `protocolVersion` (3 = MQTT 3.1, 4 = 3.1.1, 5 = 5.0). A CONNECT must
 * carry the same protocolVersion. Throws MqttProtocolError (INVALID_PACKET or a more specific
 * code) for a packet that the protocol or the packet model does not allow.
 */
export function encode(packet: Packet, protocolVersion: ProtocolVersion): Uint8Array {
  try {
    checkProtocolVersion(protocolVersion, 'protocol version');
    if (isObject(packet) && packet.type === 'publish') return encodePublish(packet, protocolVersion);
    const remaining = remainingLength(packet, protocolVersion);
    const codec = codecFor(packet.type)!;
    const w = Writer.ofSize(1 + varintLength(remaining) + remaining);
    w.u8(codec.firstByte(packet));
    w.varint(remaining);
    codec.write(w, packet, protocolVersion);
    return w.buf;
  } catch (error) {
    throw asMqttError(error, 'INVALID_PACKET');
  }
}

/** The size `encode` would return, without encoding; validates the packet the same way. */
export function encodedLength(packet: Packet, protocolVersion: ProtocolVersion): number {
  try {
    checkProtocolVersion(protocolVersion, 'protocol version');
    const remaining = remainingLength(packet, protocolVersion);
    return 1 + varintLength(remaining) + remaining;
  } catch (error) {
    throw asMqttError(error, 'INVALID_PACKET');
  }
}
