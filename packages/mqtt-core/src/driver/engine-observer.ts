// The engine's packet observer: an optional hook for diagnostics (the Node facade feeds
// node:diagnostics_channel from it). Invariant: with no observer set, or one whose `active` is
// false, the engine does no extra work per packet beyond one field check and that getter.
import type { Packet } from '@x/mqtt-codec';

/** What MqttEngine.observe() takes: called per packet while `active` is true. */
export interface EngineObserver {
  /**
   * Read before each packet sent and each chunk received: false skips the calls below (and
   * decoding a trace of received packets). A getter, so that it can follow subscribers live.
   */
  readonly active: boolean;
  /** A packet is being written: the packet and its encoded length in bytes. */
  packetSent(packet: Packet, byteLength: number): void;
  /** A packet was decoded from the broker, before the session handles it. */
  packetReceived(packet: Packet): void;
}
