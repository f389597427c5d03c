// encode(packet, version): one exact-size Uint8Array per packet. Everything is measured (and so
// validated) before a single byte is written. Invariant: only MqttProtocolError leaves here.
import { codecFor } from './codecs.js';
import { isProtocolVersion } from './connect.js';
import { asMqttError, fail, invalidPacket, REASON_PACKET_TOO_LARGE, REASON_UNSUPPORTED_PROTOCOL_VERSION } from './fail.js';
import type { Packet, ProtocolVersion } from './packets.js';
import { encodePublish } from './publish.js';
import { MAX_VARINT, varintLength } from './varint.js';
import { isObject, Writer } from './writer.js';

function checkVersion(version: unknown): asserts version is ProtocolVersion {
  if (!isProtocolVersion(version)) fail('UNSUPPORTED_PROTOCOL_VERSION', `protocol version ${String(version)} is not 3, 4 or 5`, REASON_UNSUPPORTED_PROTOCOL_VERSION);
}

function remainingLength(packet: Packet, version: ProtocolVersion): number {
  if (!isObject(packet)) invalidPacket('packet must be an object');
  const codec = codecFor(packet.type);
  if (codec === undefined) invalidPacket(`unknown packet type ${JSON.stringify(String(packet.type))}`);
  const remaining = codec.measure(packet, version);
  if (remaining > MAX_VARINT) fail('PACKET_TOO_LARGE', `${packet.type}: ${remaining} bytes exceed the maximum remaining length ${MAX_VARINT}`, REASON_PACKET_TOO_LARGE);
  return remaining;
}

/**
 * Encodes one packet for `protocolVersion` (3 = MQTT 3.1, 4 = 3.1.1, 5 = 5.0). A CONNECT must
 * carry the same protocolVersion. Throws MqttProtocolError (INVALID_PACKET or a more specific
 * code) for a packet that the protocol or the packet model does not allow.
 */
export function encode(packet: Packet, protocolVersion: ProtocolVersion): Uint8Array {
  try {
    checkVersion(protocolVersion);
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
    checkVersion(protocolVersion);
    const remaining = remainingLength(packet, protocolVersion);
    return 1 + varintLength(remaining) + remaining;
  } catch (error) {
    throw asMqttError(error, 'INVALID_PACKET');
  }
}
