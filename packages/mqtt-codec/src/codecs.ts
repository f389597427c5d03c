// The packet families by type: one table that encode.ts and decoder.ts both dispatch through, and
// the fixed-header flags both check. Invariant: index i of CODECS is the codec of control packet
// type i (0 is reserved: undefined).
import { pubackCodec, pubcompCodec, pubrecCodec, pubrelCodec } from './ack.js';
import { connackCodec, connectCodec } from './connect.js';
import { authCodec, disconnectCodec, pingreqCodec, pingrespCodec } from './disconnect.js';
import type { PacketCodec } from './packet-codec.js';
import { PACKET_TYPE_CODES, type Packet } from './packets.js';
import { publishCodec } from './publish.js';
import { subackCodec, subscribeCodec, unsubackCodec, unsubscribeCodec } from './subscribe.js';

export const CODECS: readonly (PacketCodec<Packet> | undefined)[] = [
  undefined,
  connectCodec,
  connackCodec,
  publishCodec,
  pubackCodec,
  pubrecCodec,
  pubrelCodec,
  pubcompCodec,
  subscribeCodec,
  subackCodec,
  unsubscribeCodec,
  unsubackCodec,
  pingreqCodec,
  pingrespCodec,
  disconnectCodec,
  authCodec,
] as readonly (PacketCodec<Packet> | undefined)[];

/** The type code of `type`, for an object whose type is not yet trusted; 0 when it is none. */
export function typeCode(type: unknown): number {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(PACKET_TYPE_CODES, type) ? PACKET_TYPE_CODES[type as Packet['type']] : 0;
}

/** Types whose fixed-header flags must be 0b0010 ([MQTT-3.6.1-1], [MQTT-3.8.1-1], [MQTT-3.10.1-1]). */
const FLAGS_0010 = (1 << 6) | (1 << 8) | (1 << 10);

/** The fixed flags of every type but PUBLISH (whose flags carry DUP, QoS and RETAIN). */
export function fixedFlags(type: number): number {
  return (FLAGS_0010 >> type) & 1 ? 0b0010 : 0;
}
