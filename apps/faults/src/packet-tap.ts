// Decodes what a TcpProxy sees into MQTT packets per connection and direction, so a test can
// check what the client put on the wire (resend order, DUP flags) apart from what a broker did.

import { Decoder, type Packet, type ProtocolVersion } from '@x/mqtt-codec';

export interface TappedPacket {
  readonly connection: number;
  readonly fromClient: boolean;
  readonly packet: Packet;
}

export class PacketTap {
  readonly packets: TappedPacket[] = [];
  readonly #decoders = new Map<string, Decoder>();
  readonly #version: ProtocolVersion;

  constructor(protocolVersion: ProtocolVersion) {
    this.#version = protocolVersion;
  }

  readonly client = (connection: number, bytes: Uint8Array): void => this.#push(connection, true, bytes);
  readonly server = (connection: number, bytes: Uint8Array): void => this.#push(connection, false, bytes);

  #push(connection: number, fromClient: boolean, bytes: Uint8Array): void {
    const key = `${connection}/${fromClient}`;
    let decoder = this.#decoders.get(key);
    if (decoder === undefined) this.#decoders.set(key, (decoder = new Decoder({ protocolVersion: this.#version })));
    for (const packet of decoder.push(Uint8Array.from(bytes))) this.packets.push({ connection, fromClient, packet });
  }
}

const text = new TextDecoder();

/**
 * Checks [MQTT-4.6.0-1] and publish order for one client's numbered stream across connections:
 * on each connection, resent (DUP) PUBLISHes come first and in order, and first transmissions
 * are in increasing order over the whole run. Returns a description of each violation.
 */
export function publishOrderViolations(packets: readonly TappedPacket[]): string[] {
  const violations: string[] = [];
  const everSent = new Set<number>();
  let highestSent = -1;
  const lastOn = new Map<number, number>();
  for (const { connection, fromClient, packet } of packets) {
    if (!fromClient || packet.type !== 'publish') continue;
    const seq = Number(text.decode(packet.payload));
    const previous = lastOn.get(connection);
    if (previous !== undefined && seq < previous) violations.push(`connection ${connection}: ${seq} after ${previous}`);
    lastOn.set(connection, seq);
    if (!everSent.has(seq) && seq < highestSent) violations.push(`connection ${connection}: first sent ${seq} after ${highestSent}`);
    if (everSent.has(seq) && !packet.dup) violations.push(`connection ${connection}: ${seq} resent without DUP`);
    everSent.add(seq);
    highestSent = Math.max(highestSent, seq);
  }
  return violations;
}

/** Numbers of the PUBLISHes delivered to the client, in wire order. */
export function deliveredSeqs(packets: readonly TappedPacket[], topicSuffix: string): number[] {
  const out: number[] = [];
  for (const { fromClient, packet } of packets) {
    if (fromClient || packet.type !== 'publish' || !packet.topic.endsWith(topicSuffix)) continue;
    out.push(Number(text.decode(packet.payload)));
  }
  return out;
}
