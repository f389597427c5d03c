// Messages from the broker: topic aliases resolved, QoS 1 acknowledged, QoS 2 delivered exactly
// once (the packet id is remembered, and persisted, from PUBLISH until PUBREL), and the v5 Receive
// Maximum enforced. With manualAck the PUBACK/PUBREC waits for the application (InboundAcks keeps
// the arrival order), and a QoS 2 id is persisted only when its PUBREC goes, so a crash before the
// ack means redelivery. It decides; the Session sends the packets and closes on a failure.
// Memory: until the first inbound QoS 2 message the id set is one shared empty Set, only read.
import { MqttError, type Packet, type Properties, type PublishPacket } from '@x/mqtt-codec';
import type { SessionEffect } from './effects.js';
import { InboundAcks } from './inbound-acks.js';
import { ReasonCode } from './packet-rules.js';
import type { ResolvedSessionOptions } from './session-options.js';
import { InboundTopicAliases } from './topic-aliases.js';

/** Shared by every InboundFlow without a QoS 2 id yet; only #ids() leads to writes, never to this one. */
const NO_IDS: Set<number> = new Set();

/** What to do about an inbound PUBLISH: send `reply` (if any), or close with `error`. */
export type InboundOutcome = { readonly kind: 'ok'; readonly reply: Packet | undefined } | { readonly kind: 'fail'; readonly error: MqttError };

export class InboundFlow {
  readonly #options: ResolvedSessionOptions;
  readonly #persisting: boolean;
  /** Inbound QoS 2 packet ids whose PUBREL has not come: a resend of these is not delivered again. */
  #qos2: Set<number> = NO_IDS;
  #aliases = new InboundTopicAliases(0);
  /** manualAck: the acks the application has not released yet, current connection only. */
  readonly #acks = new InboundAcks();
  /** Connections opened so far: the `connection` of each message delivered. */
  #connection = 0;

  constructor(options: ResolvedSessionOptions) {
    this.#options = options;
    this.#persisting = options.persistEffects;
  }

  /** A new connection: aliases are per connection [MQTT-3.3.2-7]. */
  opened(): void {
    this.#connection++;
    this.#aliases = new InboundTopicAliases(this.#options.protocolVersion === 5 ? this.#options.topicAliasMaximum : 0);
  }

  /** CONNACK: without a session on the broker's side no PUBREL will come for the ids we hold. */
  connected(fx: SessionEffect[], sessionPresent: boolean): void {
    if (sessionPresent || this.#qos2.size === 0) return;
    this.#qos2.clear();
    if (this.#persisting) fx.push({ type: 'persist', operation: { op: 'clearIncoming' } });
  }

  /** The connection the messages delivered now belong to. */
  get connection(): number {
    return this.#connection;
  }

  /**
   * The connection ended: un-acked messages are the broker's to redeliver (cleanSession false)
   * [MQTT-4.4.0-1], so their acks must never go out on a later connection, where the same packet id
   * may name another message. Their QoS 2 ids are forgotten, so the redelivery is delivered again.
   */
  closed(): void {
    if (this.#acks.size === 0) return;
    for (const id of this.#acks.clear()) this.#qos2.delete(id);
  }

  /**
   * manualAck: the application acked `packetId`. Returns the acks releasable now, in arrival order
   * (none while an earlier message is unacked), or undefined for an id not pending. A QoS 2 id is
   * persisted as its PUBREC goes; a v5 refused PUBREC (>= 0x80) ends the exchange: no PUBREL comes,
   * the id is free again (MQTT 5 section 4.3.3).
   */
  ack(fx: SessionEffect[], packetId: number, reasonCode: number | undefined, properties: Properties | undefined): Packet[] | undefined {
    const released = this.#acks.ack(packetId, reasonCode, properties);
    if (released === undefined) return undefined;
    const replies: Packet[] = [];
    for (const entry of released) {
      const reply = entry.reply as Packet & { readonly reasonCode?: number };
      if (entry.qos === 2) {
        if ((reply.reasonCode ?? 0) >= 0x80) this.#qos2.delete(entry.packetId);
        else if (this.#persisting) fx.push({ type: 'persist', operation: { op: 'putIncoming', packetId: entry.packetId } });
      }
      replies.push(reply);
    }
    return replies;
  }

  /** manualAck: inbound QoS 1/2 messages whose ack the application has not released. */
  get unackedCount(): number {
    return this.#acks.size;
  }

  publish(fx: SessionEffect[], packet: PublishPacket): InboundOutcome {
    const v5 = this.#options.protocolVersion === 5;
    const alias = packet.properties?.topicAlias;
    const topic = v5 ? this.#aliases.resolve(packet.topic, alias) : packet.topic;
    if (topic === undefined) {
      return { kind: 'fail', error: new MqttError('TOPIC_ALIAS_INVALID', `invalid topic alias ${String(alias)}`, { reasonCode: ReasonCode.TOPIC_ALIAS_INVALID }) };
    }
    const message = { type: 'message', message: { topic, payload: packet.payload, qos: packet.qos, retain: packet.retain, dup: packet.dup, packetId: packet.packetId, properties: packet.properties, connection: this.#connection } } as const;
    const packetId = packet.packetId ?? 0;
    if (packet.qos === 0) {
      fx.push(message);
      return { kind: 'ok', reply: undefined };
    }
    const manual = this.#options.manualAck;
    if (packet.qos === 1) {
      if (!manual) {
        fx.push(message);
        return { kind: 'ok', reply: { type: 'puback', packetId } };
      }
      // A resend of a message still unacked is not delivered twice: its PUBACK is on its way.
      if (this.#acks.has(packetId)) return { kind: 'ok', reply: undefined };
      if (v5 && this.#unacked() >= this.#options.receiveMaximum) return { kind: 'fail', error: receiveMaximumExceeded() };
      this.#acks.add(packetId, 1);
      fx.push(message);
      return { kind: 'ok', reply: undefined };
    }
    if (!this.#qos2.has(packetId)) {
      // [MQTT-3.3.4-9]: unacknowledged QoS 1 and 2 PUBLISH count against our Receive Maximum.
      if (v5 && this.#unacked() >= this.#options.receiveMaximum) return { kind: 'fail', error: receiveMaximumExceeded() };
      this.#ids().add(packetId);
      if (manual) {
        this.#acks.add(packetId, 2);
        fx.push(message);
        return { kind: 'ok', reply: undefined };
      }
      if (this.#persisting) fx.push({ type: 'persist', operation: { op: 'putIncoming', packetId } });
      fx.push(message);
    } else if (this.#acks.has(packetId)) {
      return { kind: 'ok', reply: undefined };
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

  /** QoS 1 and 2 messages the broker has not had PUBACK / PUBCOMP for. */
  #unacked(): number {
    return this.#qos2.size + this.#acks.qos1Count;
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

function receiveMaximumExceeded(): MqttError {
  return new MqttError('RECEIVE_MAXIMUM_EXCEEDED', 'the broker exceeded our Receive Maximum', { reasonCode: ReasonCode.RECEIVE_MAXIMUM_EXCEEDED });
}
