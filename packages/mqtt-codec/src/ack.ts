// PUBACK, PUBREC, PUBREL, PUBCOMP: a packet id, and in v5 a reason code and properties.
// Canonical form: v5 decodes always carry `reasonCode` (0 when absent on the wire); v3 never do.
// On the wire the reason code is omitted when it is 0 and there are no properties (§3.4.2.1).
import type { PacketCodec } from './packet-codec.js';
import type { AuthPacket, DisconnectPacket, PubackPacket, PubcompPacket, PubrecPacket, PubrelPacket } from './packets.js';
import { propertiesLength, readProperties, withProperties, writeProperties } from './properties.js';
import type { Reader } from './reader.js';
import { checkReasonCode } from './reason-codes.js';
import { checkPacketId } from './writer.js';

type AckPacket = PubackPacket | PubrecPacket | PubrelPacket | PubcompPacket;

/**
 * The v5 tail of acks, DISCONNECT and AUTH: a reason code (absent means 0), then properties
 * (absent means none), then nothing. Sets both on `packet` and returns it.
 */
export function readReasonAndProperties<P extends AckPacket | DisconnectPacket | AuthPacket>(r: Reader, packet: P): P {
  // "If the Remaining Length is less than 4 there is no Property Length and the value of 0 is used"
  packet.reasonCode = checkReasonCode(packet.type, r.remaining > 0 ? r.u8('reason code') : 0, 5, true);
  const properties = r.remaining > 0 ? readProperties(r, packet.type) : undefined;
  r.done(packet.type);
  return withProperties(packet, properties);
}

/** True when the v5 short form (packet id only) carries the packet exactly. */
function isShortForm(packet: AckPacket): boolean {
  return (packet.reasonCode ?? 0) === 0 && propertiesLength(packet.properties, packet.type) === 0;
}

function ackCodec<P extends AckPacket>(type: P['type']): PacketCodec<P> {
  return {
    write(w, packet, version) {
      checkPacketId(packet.packetId, type);
      checkReasonCode(type, packet.reasonCode ?? 0, version);
      w.u16(packet.packetId);
      if (version !== 5 || isShortForm(packet)) return;
      w.u8(packet.reasonCode ?? 0);
      writeProperties(w, packet.properties, type);
    },
    decode(r, _flags, version) {
      const packet = { type, packetId: r.packetId(type) } as P;
      if (version === 5) return readReasonAndProperties(r, packet);
      r.done(type);
      return packet;
    },
  };
}

export const pubackCodec = ackCodec<PubackPacket>('puback');
export const pubrecCodec = ackCodec<PubrecPacket>('pubrec');
export const pubrelCodec = ackCodec<PubrelPacket>('pubrel');
export const pubcompCodec = ackCodec<PubcompPacket>('pubcomp');
