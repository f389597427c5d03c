// A tiny broker-side state machine on the codec (as mqttproto's tests do): it decodes the client's
// bytes, answers CONNECT/SUBSCRIBE/PINGREQ and QoS flows, and can be told to hold acks, refuse,
// or send arbitrary packets. It keeps a log of every packet the client sent.

import { Decoder, encode } from '@x/mqtt-codec';
import type { ConnackPacket, Packet, ProtocolVersion } from '@x/mqtt-codec';

export interface BrokerScript {
  connack: Omit<ConnackPacket, 'type'>;
  /** Answer PUBLISH with PUBACK/PUBREC and PUBREL with PUBCOMP. */
  ackPublishes: boolean;
  answerPings: boolean;
  /** SUBACK codes; defaults to granting the requested QoS. */
  subackCodes: number[] | undefined;
}

export class ScriptedBroker {
  readonly version: ProtocolVersion;
  readonly received: Packet[] = [];
  readonly script: BrokerScript;
  #decoder: Decoder;
  /** Topic per alias the client set up (v5). */
  readonly aliases = new Map<number, string>();

  constructor(version: ProtocolVersion, script: Partial<BrokerScript> = {}) {
    this.version = version;
    this.script = { connack: { sessionPresent: false, reasonCode: 0 }, ackPublishes: true, answerPings: true, subackCodes: undefined, ...script };
    this.#decoder = new Decoder({ protocolVersion: version });
  }

  /** A new connection: fresh decoder and aliases. */
  reset(): void {
    this.#decoder = new Decoder({ protocolVersion: this.version });
    this.aliases.clear();
  }

  /** Feeds client bytes; returns the broker's answers as bytes. */
  feed(bytes: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const packet of this.#decoder.push(bytes)) {
      this.received.push(packet);
      for (const answer of this.answer(packet)) out.push(this.encode(answer));
    }
    return out;
  }

  encode(packet: Packet): Uint8Array {
    return encode(packet, this.version);
  }

  /** The topic of each client PUBLISH, aliases resolved as they arrived. */
  readonly topics: string[] = [];

  answer(packet: Packet): Packet[] {
    const s = this.script;
    switch (packet.type) {
      case 'connect':
        return [{ type: 'connack', ...s.connack }];
      case 'pingreq':
        return s.answerPings ? [{ type: 'pingresp' }] : [];
      case 'subscribe':
        return [{ type: 'suback', packetId: packet.packetId, reasonCodes: s.subackCodes ?? packet.subscriptions.map((x) => x.qos) }];
      case 'unsubscribe':
        return [{ type: 'unsuback', packetId: packet.packetId, ...(this.version === 5 ? { reasonCodes: packet.topicFilters.map(() => 0) } : {}) }];
      case 'publish': {
        const alias = packet.properties?.topicAlias;
        if (alias !== undefined && packet.topic !== '') this.aliases.set(alias, packet.topic);
        this.topics.push(packet.topic !== '' ? packet.topic : (this.aliases.get(alias ?? 0) ?? '?'));
        if (!s.ackPublishes || packet.qos === 0) return [];
        return [{ type: packet.qos === 1 ? 'puback' : 'pubrec', packetId: packet.packetId ?? 0 }];
      }
      case 'pubrel':
        return s.ackPublishes ? [{ type: 'pubcomp', packetId: packet.packetId }] : [];
      default:
        return [];
    }
  }

  /** Client packets of one type. */
  sent<T extends Packet['type']>(type: T): Extract<Packet, { type: T }>[] {
    return this.received.filter((p): p is Extract<Packet, { type: T }> => p.type === type);
  }
}
