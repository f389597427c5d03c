// The shape every packet family implements, so encode.ts and decoder.ts dispatch through tables.
// Invariant: `measure` validates the whole packet; `write` runs only after it and never throws.
import type { Packet, ProtocolVersion } from './packets.js';
import type { Reader } from './reader.js';
import type { Writer } from './writer.js';

export interface PacketCodec<P extends Packet> {
  /** The first byte: type in the high nibble, flags in the low one. Called after `measure`. */
  firstByte(packet: P): number;
  /** The Remaining Length of the encoded packet; throws an MqttProtocolError if `packet` is invalid. */
  measure(packet: P, version: ProtocolVersion): number;
  /** Writes the variable header and payload (the fixed header is already written). */
  write(w: Writer, packet: P, version: ProtocolVersion): void;
  /** Decodes a body whose fixed header (type and flags, `flags` = low nibble) was already checked. */
  decode(r: Reader, flags: number, version: ProtocolVersion): P;
}
