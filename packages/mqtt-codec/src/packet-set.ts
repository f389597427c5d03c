// Sets of packet types as bitmasks, for the tables that say where a reason code or a property may
// appear: bit n is control packet type n, and bit 0 (type 0 is reserved) stands for the will
// inside CONNECT. Tables store masks (small, one AND to test); the public tables show arrays.
import { PACKET_TYPE_CODES, type PacketType } from './packets.js';

export type PacketSetMember = PacketType | 'will';

/** The bit of `member`; 0 for anything that is not a packet type or 'will'. */
export function packetBit(member: string): number {
  if (member === 'will') return 1;
  return Object.prototype.hasOwnProperty.call(PACKET_TYPE_CODES, member) ? 1 << PACKET_TYPE_CODES[member as PacketType] : 0;
}

/** The members of a mask, in packet type order ('will' right after 'publish'). */
export function packetSetMembers<M extends PacketSetMember>(mask: number): M[] {
  const members: PacketSetMember[] = [];
  for (const type of Object.keys(PACKET_TYPE_CODES) as PacketType[]) {
    if (mask & packetBit(type)) members.push(type);
    if (type === 'publish' && mask & WILL) members.push('will');
  }
  return members as M[];
}

export const WILL = 1;
export const CONNECT = 1 << 1;
export const CONNACK = 1 << 2;
export const PUBLISH = 1 << 3;
export const PUBACK = 1 << 4;
export const PUBREC = 1 << 5;
export const PUBREL = 1 << 6;
export const PUBCOMP = 1 << 7;
export const SUBSCRIBE = 1 << 8;
export const SUBACK = 1 << 9;
export const UNSUBSCRIBE = 1 << 10;
export const UNSUBACK = 1 << 11;
export const DISCONNECT = 1 << 14;
export const AUTH = 1 << 15;
