// Messages from the broker: topic aliases resolved, QoS 1 acknowledged, QoS 2 delivered exactly
// once (the packet id is remembered, and persisted, from PUBLISH until PUBREL), and the v5 Receive
// Maximum enforced. It decides; the Session sends the packets and closes on a failure.
// Memory: until the first inbound QoS 2 message the id set is one shared empty Set, only read.
import { MqttError, type Packet, type PublishPacket } from '@x/mqtt-codec';
import type { SessionEffect } from './effects.js';
import { ReasonCode } from './packet-rules.js';
import type { ResolvedSessionOptions } from './session-options.js';
import { InboundTopicAliases } from './topic-aliases.js';

/** What to do about an inbound PUBLISH: send `reply` (if any), or close with `error`. */
export type InboundOutcome = { readonly kind: 'ok'; readonly reply: Packet | undefined } | { readonly kind: 'fail'; readonly error: MqttError };

/** Shared by every InboundFlow without a QoS 2 id yet; only #ids() leads to writes, never to this one. */
const NO_IDS: Set<number> = new Set();

export class InboundFlow {
  readonly #options: ResolvedSessionOptions;
  readonly #persisting: boolean;
  /** Inbound QoS 2 packet ids whose PUBREL has not come: a resend of these is not delivered again. */
  #qos2: Set<number> = NO_IDS;
  #aliases = new InboundTopicAliases(0);

  constructor(options: ResolvedSessionOptions) {
    this.#options = options;
    this.#persisting = options.persistEffects;
  }

  /** A new connection: aliases are per connection [MQTT-3.3.2-7]. */
  opened(): void {
    this.#aliases = new InboundTopicAliases(this.#options.protocolVersion === 5 ? this.#options.topicAliasMaximum : 0);
  }

  /** CONNACK: without a session on the broker's side no PUBREL will come for the ids we hold. */
  connected(fx: SessionEffect[], sessionPresent: boolean): void {
    if (sessionPresent || this.#qos2.size === 0) return;
    this.#qos2.clear();
    if (this.#persisting) fx.push({ type: 'persist', operation: { op: 'clearIncoming' } });
  }

  publish(fx: SessionEffect[], packet: PublishPacket): InboundOutcome {
    const v5 = this.#options.protocolVersion === 5;
    const alias = packet.properties?.topicAlias;
    const topic = v5 ? this.#aliases.resolve(packet.topic, alias) : packet.topic;
    if (topic === undefined) {
      return { kind: 'fail', error: new MqttError('TOPIC_ALIAS_INVALID', `invalid topic alias ${String(alias)}`, { reasonCode: ReasonCode.TOPIC_ALIAS_INVALID }) };
    }
    const message = { type: 'message', message: { topic, payload: packet.payload, qos: packet.qos, retain: packet.retain, dup: packet.dup, packetId: packet.packetId, properties: packet.properties } } as const;
    const packetId = packet.packetId ?? 0;
    if (packet.qos === 0) {
      fx.push(message);
      return { kind: 'ok', reply: undefined };
    }
    if (packet.qos === 1) {
      fx.push(message);
      return { kind: 'ok', reply: { type: 'puback', packetId } };
    }
    if (!this.#qos2.has(packetId)) {
      if (v5 && this.#qos2.size >= this.#options.receiveMaximum) {
        return { kind: 'fail', error: new MqttError('RECEIVE_MAXIMUM_EXCEEDED', 'the broker exceeded our Receive Maximum', { reasonCode: ReasonCode.RECEIVE_MAXIMUM_EXCEEDED }) };
      }
      this.#ids().add(packetId);
      if (this.#persisting) fx.push({ type: 'persist', operation: { op: 'putIncoming', packetId } });
      fx.push(message);
    }
    return { kind: 'ok', reply: { type: 'pubrec', packetId } };
  }

  /** PUBREL: the QoS 2 exchange is over; returns the PUBCOMP to send (v5: 0x92 for an unknown id) and whether the id was ours. */
  pubrel(fx: SessionEffect[], packetId: number): { readonly reply: Packet; readonly known: boolean } {
    const known = this.#qos2.delete(packetId);
    if (known && this.#persisting) fx.push({ type: 'persist', operation: { op: 'deleteIncoming', packetId } });
    const unknown = !known && this.#options.protocolVersion === 5;
    return { reply: { type: 'pubcomp', packetId, ...(unknown ? { reasonCode: ReasonCode.PACKET_ID_NOT_FOUND } : {}) }, known };
  }

  /** Inbound QoS 2 messages whose PUBREL has not come. */
  get pendingCount(): number {
    return this.#qos2.size;
  }

  snapshot(): number[] {
    return [...this.#qos2];
  }

  restore(ids: readonly number[]): void {
    for (const id of ids) this.#ids().add(id);
  }

  /** The QoS 2 id set to write to: made on the first write (until then the shared empty one is read). */
  #ids(): Set<number> {
    if (this.#qos2 === NO_IDS) this.#qos2 = new Set();
    return this.#qos2;
  }
}
