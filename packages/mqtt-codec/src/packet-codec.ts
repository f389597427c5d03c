// The shape every packet family implements, so encode.ts and decoder.ts dispatch through tables.
// Invariant: `write` validates the whole packet over a Measurer before it ever runs over a Writer,
// so measuring and writing cannot disagree, and the Writer run never throws.
import type { Packet, ProtocolVersion } from './packets.js';
import type { Reader } from './reader.js';
import type { Sink } from './writer.js';

export interface PacketCodec<P extends Packet> {
  /** Validates and writes the variable header and payload (the fixed header is encode's job). */
  write(w: Sink, packet: P, version: ProtocolVersion): void;
  /** Decodes a body whose fixed header (type and flags, `flags` = low nibble) was already checked. */
  decode(r: Reader, flags: number, version: ProtocolVersion): P;
}
