// The packet families by type: one table that encode.ts and decoder.ts both dispatch through.
// Invariant: index i of DECODERS is the codec of control packet type i (0 is reserved: undefined).
import { pubackCodec, pubcompCodec, pubrecCodec, pubrelCodec } from './ack.js';
import { connackCodec, connectCodec } from './connect.js';
import { authCodec, disconnectCodec, pingreqCodec, pingrespCodec } from './disconnect.js';
import type { PacketCodec } from './packet-codec.js';
import type { Packet, PacketType } from './packets.js';
import { publishCodec } from './publish.js';
import { subackCodec, subscribeCodec, unsubackCodec, unsubscribeCodec } from './subscribe.js';

export const CODECS: { readonly [T in PacketType]: PacketCodec<Extract<Packet, { type: T }>> } = {
  connect: connectCodec,
  connack: connackCodec,
  publish: publishCodec,
  puback: pubackCodec,
  pubrec: pubrecCodec,
  pubrel: pubrelCodec,
  pubcomp: pubcompCodec,
  subscribe: subscribeCodec,
  suback: subackCodec,
  unsubscribe: unsubscribeCodec,
  unsuback: unsubackCodec,
  pingreq: pingreqCodec,
  pingresp: pingrespCodec,
  disconnect: disconnectCodec,
  auth: authCodec,
};

export const DECODERS: readonly (PacketCodec<Packet> | undefined)[] = [
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

/** Looks a codec up by `type`, for an object whose type is not yet trusted. */
export function codecFor(type: unknown): PacketCodec<Packet> | undefined {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(CODECS, type) ? (CODECS[type as PacketType] as PacketCodec<Packet>) : undefined;
}
