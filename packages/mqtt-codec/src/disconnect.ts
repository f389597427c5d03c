// DISCONNECT, AUTH, PINGREQ, PINGRESP: the packets with little or no body.
// Canonical form: in v5, DISCONNECT and AUTH decode with `reasonCode` always set, and encode the
// reason code and property length whenever `reasonCode` is given (e0 02 00 00, as mqtt-packet).
import { fail, invalidPacket, REASON_PROTOCOL_ERROR } from './fail.js';
import type { PacketCodec } from './packet-codec.js';
import type { AuthPacket, DisconnectPacket, PingreqPacket, PingrespPacket } from './packets.js';
import { propertiesLength, propertiesSectionLength, readProperties, writeProperties } from './properties.js';
import { isReasonCodeAllowed } from './reason-codes.js';

function checkReasonCode(type: 'disconnect' | 'auth', code: unknown): void {
  if (typeof code !== 'number' || !isReasonCodeAllowed(type, code)) fail('INVALID_REASON_CODE', `${type}: reason code ${String(code)} is not allowed`);
}

/** v5 DISCONNECT with neither a reason code nor properties is the 2-byte e0 00. */
function isBare(packet: DisconnectPacket): boolean {
  return packet.reasonCode === undefined && propertiesLength(packet.properties, 'disconnect') === 0;
}

export const disconnectCodec: PacketCodec<DisconnectPacket> = {
  firstByte: () => 0xe0,
  measure(packet, version) {
    if (version !== 5) {
      if (packet.reasonCode !== undefined && packet.reasonCode !== 0) fail('INVALID_REASON_CODE', 'disconnect: reason codes need MQTT 5');
      return 0;
    }
    if (packet.reasonCode !== undefined) checkReasonCode('disconnect', packet.reasonCode);
    return isBare(packet) ? 0 : 1 + propertiesSectionLength(packet.properties, 'disconnect');
  },
  write(w, packet, version) {
    if (version !== 5 || isBare(packet)) return;
    w.u8(packet.reasonCode ?? 0);
    writeProperties(w, packet.properties, 'disconnect');
  },
  decode(r, _flags, version) {
    if (version !== 5) {
      r.done('disconnect');
      return { type: 'disconnect' };
    }
    // "If the Remaining Length is less than 1 the value of 0x00 (Normal disconnection) is used"
    const reasonCode = r.remaining > 0 ? r.u8('reason code') : 0;
    if (!isReasonCodeAllowed('disconnect', reasonCode)) fail('INVALID_REASON_CODE', `disconnect: reason code 0x${reasonCode.toString(16)} is not allowed`, REASON_PROTOCOL_ERROR);
    const properties = r.remaining > 0 ? readProperties(r, 'disconnect') : undefined;
    r.done('disconnect');
    const packet: DisconnectPacket = { type: 'disconnect', reasonCode };
    if (properties !== undefined) packet.properties = properties;
    return packet;
  },
};

export const authCodec: PacketCodec<AuthPacket> = {
  firstByte: () => 0xf0,
  measure(packet, version) {
    if (version !== 5) invalidPacket('auth: AUTH exists only in MQTT 5');
    checkReasonCode('auth', packet.reasonCode);
    return 1 + propertiesSectionLength(packet.properties, 'auth');
  },
  write(w, packet) {
    w.u8(packet.reasonCode);
    writeProperties(w, packet.properties, 'auth');
  },
  decode(r) {
    // The decoder rejects type 15 before v5, so only v5 bodies get here.
    const reasonCode = r.remaining > 0 ? r.u8('reason code') : 0; // §3.15.2.1: absent means 0x00
    if (!isReasonCodeAllowed('auth', reasonCode)) fail('INVALID_REASON_CODE', `auth: reason code 0x${reasonCode.toString(16)} is not allowed`, REASON_PROTOCOL_ERROR);
    const properties = r.remaining > 0 ? readProperties(r, 'auth') : undefined;
    r.done('auth');
    const packet: AuthPacket = { type: 'auth', reasonCode };
    if (properties !== undefined) packet.properties = properties;
    return packet;
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
