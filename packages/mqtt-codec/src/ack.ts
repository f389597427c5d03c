// PUBACK, PUBREC, PUBREL, PUBCOMP: a packet id, and in v5 a reason code and properties.
// Canonical form: v5 decodes always carry `reasonCode` (0 when absent on the wire); v3 never do.
// On the wire the reason code is omitted when it is 0 and there are no properties (§3.4.2.1).
import { fail, REASON_PROTOCOL_ERROR } from './fail.js';
import type { PacketCodec } from './packet-codec.js';
import { PACKET_TYPE_CODES, type PubackPacket, type PubcompPacket, type PubrecPacket, type PubrelPacket } from './packets.js';
import { propertiesLength, propertiesSectionLength, readProperties, writeProperties } from './properties.js';
import { isReasonCodeAllowed } from './reason-codes.js';
import { checkPacketId } from './writer.js';

type AckPacket = PubackPacket | PubrecPacket | PubrelPacket | PubcompPacket;

function checkReasonCode(type: AckPacket['type'], code: unknown): number {
  if (typeof code !== 'number' || !isReasonCodeAllowed(type, code)) fail('INVALID_REASON_CODE', `${type}: reason code ${String(code)} is not allowed`);
  return code;
}

/** True when the v5 short form (packet id only) carries the packet exactly. */
function isShortForm(packet: AckPacket): boolean {
  return (packet.reasonCode ?? 0) === 0 && propertiesLength(packet.properties, packet.type) === 0;
}

function ackCodec<P extends AckPacket>(type: P['type']): PacketCodec<P> {
  // [MQTT-3.6.1-1] PUBREL has flags 0b0010; the others 0
  const firstByte = (PACKET_TYPE_CODES[type] << 4) | (type === 'pubrel' ? 0b0010 : 0);
  return {
    firstByte: () => firstByte,
    measure(packet, version) {
      checkPacketId(packet.packetId, type);
      if (version !== 5) {
        if (packet.reasonCode !== undefined && packet.reasonCode !== 0) fail('INVALID_REASON_CODE', `${type}: reason codes need MQTT 5`);
        return 2;
      }
      checkReasonCode(type, packet.reasonCode ?? 0);
      return isShortForm(packet) ? 2 : 3 + propertiesSectionLength(packet.properties, type);
    },
    write(w, packet, version) {
      w.u16(packet.packetId);
      if (version !== 5 || isShortForm(packet)) return;
      w.u8(packet.reasonCode ?? 0);
      writeProperties(w, packet.properties, type);
    },
    decode(r, _flags, version) {
      const packetId = r.u16('packet identifier');
      if (packetId === 0) fail('INVALID_PACKET_ID', `${type}: packet identifier 0`, REASON_PROTOCOL_ERROR); // [MQTT-2.3.1-1]
      if (version !== 5) {
        r.done(type);
        return { type, packetId } as P;
      }
      // "If the Remaining Length is less than 4 there is no Property Length and the value of 0 is used"
      const reasonCode = r.remaining > 0 ? r.u8('reason code') : 0;
      if (!isReasonCodeAllowed(type, reasonCode)) fail('INVALID_REASON_CODE', `${type}: reason code 0x${reasonCode.toString(16)} is not allowed`, REASON_PROTOCOL_ERROR);
      const properties = r.remaining > 0 ? readProperties(r, type) : undefined;
      r.done(type);
      const packet = { type, packetId, reasonCode } as P;
      if (properties !== undefined) packet.properties = properties;
      return packet;
    },
  };
}

export const pubackCodec = ackCodec<PubackPacket>('puback');
export const pubrecCodec = ackCodec<PubrecPacket>('pubrec');
export const pubrelCodec = ackCodec<PubrelPacket>('pubrel');
export const pubcompCodec = ackCodec<PubcompPacket>('pubcomp');
