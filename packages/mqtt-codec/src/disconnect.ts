// DISCONNECT, AUTH, PINGREQ, PINGRESP: the packets with little or no body.
// Canonical form: in v5, DISCONNECT and AUTH decode with `reasonCode` always set, and encode the
// reason code and property length whenever `reasonCode` is given (e0 02 00 00, as mqtt-packet).
import { readReasonAndProperties } from './ack.js';
import { invalidPacket } from './fail.js';
import type { PacketCodec } from './packet-codec.js';
import type { AuthPacket, DisconnectPacket, PingreqPacket, PingrespPacket } from './packets.js';
import { propertiesLength, propertiesSectionLength, writeProperties } from './properties.js';
import { checkReasonCode } from './reason-codes.js';

/** v5 DISCONNECT with neither a reason code nor properties is the 2-byte e0 00. */
function isBare(packet: DisconnectPacket): boolean {
  return packet.reasonCode === undefined && propertiesLength(packet.properties, 'disconnect') === 0;
}

export const disconnectCodec: PacketCodec<DisconnectPacket> = {
  firstByte: () => 0xe0,
  measure(packet, version) {
    if (packet.reasonCode !== undefined) checkReasonCode('disconnect', packet.reasonCode, version);
    return version !== 5 || isBare(packet) ? 0 : 1 + propertiesSectionLength(packet.properties, 'disconnect');
  },
  write(w, packet, version) {
    if (version !== 5 || isBare(packet)) return;
    w.u8(packet.reasonCode ?? 0);
    writeProperties(w, packet.properties, 'disconnect');
  },
  decode(r, _flags, version) {
    const packet: DisconnectPacket = { type: 'disconnect' };
    // "If the Remaining Length is less than 1 the value of 0x00 (Normal disconnection) is used"
    if (version === 5) return readReasonAndProperties(r, packet);
    r.done('disconnect');
    return packet;
  },
};

export const authCodec: PacketCodec<AuthPacket> = {
  firstByte: () => 0xf0,
  measure(packet, version) {
    if (version !== 5) invalidPacket('auth: AUTH exists only in MQTT 5');
    checkReasonCode('auth', packet.reasonCode, version);
    return 1 + propertiesSectionLength(packet.properties, 'auth');
  },
  write(w, packet) {
    w.u8(packet.reasonCode);
    writeProperties(w, packet.properties, 'auth');
  },
  decode(r) {
    // The decoder rejects type 15 before v5, so only v5 bodies get here. §3.15.2.1: absent means 0x00
    return readReasonAndProperties(r, { type: 'auth', reasonCode: 0 });
  },
};

function emptyCodec<P extends PingreqPacket | PingrespPacket>(type: P['type'], firstByte: number): PacketCodec<P> {
  return {
    firstByte: () => firstByte,
    measure: () => 0,
    write: () => undefined,
    decode(r) {
      r.done(type);
      return { type } as P;
    },
  };
}

export const pingreqCodec = emptyCodec<PingreqPacket>('pingreq', 0xc0);
export const pingrespCodec = emptyCodec<PingrespPacket>('pingresp', 0xd0);
