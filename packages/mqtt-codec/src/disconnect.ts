// DISCONNECT, AUTH, PINGREQ, PINGRESP: the packets with little or no body.
// Canonical form: in v5, DISCONNECT and AUTH decode with `reasonCode` always set, and encode the
// reason code and property length whenever `reasonCode` is given (e0 02 00 00, as mqtt-packet).
import { readReasonAndProperties } from './ack.js';
import { invalidPacket } from './fail.js';
import type { PacketCodec } from './packet-codec.js';
import type { AuthPacket, DisconnectPacket, PingreqPacket, PingrespPacket } from './packets.js';
import { propertiesLength, writeProperties } from './properties.js';
import { checkReasonCode } from './reason-codes.js';

/** v5 DISCONNECT with neither a reason code nor properties is the 2-byte e0 00. */
function isBare(packet: DisconnectPacket): boolean {
  return packet.reasonCode === undefined && propertiesLength(packet.properties, 'disconnect') === 0;
}

export const disconnectCodec: PacketCodec<DisconnectPacket> = {
  write(w, packet, version) {
    if (packet.reasonCode !== undefined) checkReasonCode('disconnect', packet.reasonCode, version);
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
  write(w, packet, version) {
    if (version !== 5) invalidPacket('AUTH exists only in MQTT 5');
    checkReasonCode('auth', packet.reasonCode, version);
    w.u8(packet.reasonCode);
    writeProperties(w, packet.properties, 'auth');
  },
  decode(r) {
    // The decoder rejects type 15 before v5, so only v5 bodies get here. §3.15.2.1: absent means 0x00
    return readReasonAndProperties(r, { type: 'auth', reasonCode: 0 });
  },
};

function emptyCodec<P extends PingreqPacket | PingrespPacket>(type: P['type']): PacketCodec<P> {
  return {
    write: () => undefined,
    decode(r) {
      r.done(type);
      return { type } as P;
    },
  };
}

export const pingreqCodec = emptyCodec<PingreqPacket>('pingreq');
export const pingrespCodec = emptyCodec<PingrespPacket>('pingresp');
