// The outgoing half of a session: the queue, the in-flight window, packet ids, outgoing topic
// aliases and retries, composed. It decides what to send and records every change as a
// `persist` effect before the `send` it leads to; the Session encodes and frames.

import { MqttError } from '@x/mqtt-codec';
import type { Packet, PubackPacket, PubcompPacket, PubrecPacket, Properties, PublishPacket, QoS } from '@x/mqtt-codec';
import type { SessionEffect } from './effects.js';
import { InflightWindow } from './inflight-window.js';
import type { InflightEntry } from './inflight-window.js';
import { OutgoingQueue } from './outgoing-queue.js';
import { PacketIdAllocator } from './packet-id-allocator.js';
import { ReasonCode } from './packet-rules.js';
import type { ResolvedSessionOptions } from './session-options.js';
import type { OutgoingState, SessionSnapshot, StoredMessage } from './session-store.js';
import { OutboundTopicAliases } from './topic-aliases.js';

/** An outgoing message as publish() accepted it. */
export interface OutgoingMessage {
  readonly mid: number;
  readonly topic: string;
  readonly payload: Uint8Array;
  readonly qos: QoS;
  readonly retain: boolean;
  readonly properties: Properties | undefined;
}

/** The limits a broker's CONNACK set for what the client sends (MQTT 5 §3.2.2.3). */
export interface ServerLimits {
  /** QoS 1/2 PUBLISH unacknowledged at once (65,535 when the broker gave none, and on 3.1.1). */
  readonly receiveMaximum: number;
  /** Largest packet the broker accepts, bytes (Infinity when it gave none). */
  readonly maximumPacketSize: number;
  /** Outgoing topic aliases the broker accepts (0: none). */
  readonly topicAliasMaximum: number;
  /** The highest QoS the broker accepts (2 when it gave none). */
  readonly maximumQoS: QoS;
  /** False when the broker does not accept retained messages. */
  readonly retainAvailable: boolean;
}

/** What an incoming PUBACK/PUBREC/PUBCOMP leads to. */
/** `unknown`: the packet id is not in flight (a late or repeated ack); a `reply` may still be due. */
export type AckOutcome = { readonly kind: 'done' } | { readonly kind: 'reply'; readonly packet: Packet; readonly unknown?: true } | { readonly kind: 'unknown' };

const NO_ALIASES = new OutboundTopicAliases(0);

// Memory: most sessions never hold an id back nor queue a message with an expiry, so until the first
// write these two read shared empty tables (delete, clear and iteration leave an empty one as it is).
const NO_HELD: Set<number> = new Set();
const NO_QUEUED_AT: Map<number, number> = new Map();

export class OutgoingFlow {
  readonly #options: ResolvedSessionOptions;
  readonly #ids = new PacketIdAllocator();
  readonly #window: InflightWindow<OutgoingMessage>;
  readonly #queue = new OutgoingQueue<OutgoingMessage>();
  #aliases = NO_ALIASES;
  #nextMid = 1;
  #retryAt: number | undefined;
  #serverMaximumPacketSize = Number.POSITIVE_INFINITY;
  #serverMaximumQoS = 2;
  #serverTopicAliasMaximum = 0;
  #serverReceiveMaximum = 65535;
  #retainAvailable = true;
  /**
   * In-flight ids not resent yet after a resume because the broker's new Receive Maximum is smaller
   * than what we hold [MQTT-3.3.4-7]; pump() resends them, in order, as acks make room.
   */
  #held: Set<number> = NO_HELD;
  /** When each v5 message with a Message Expiry Interval was queued (ms), to expire it while it waits. */
  #queuedAt: Map<number, number> = NO_QUEUED_AT;

  /** Whether to emit `persist` effects (only worth building when a store consumes them). */
  readonly #persisting: boolean;

  constructor(options: ResolvedSessionOptions) {
    this.#options = options;
    this.#persisting = options.persistEffects;
    this.#window = new InflightWindow(options.maxInflightMessages);
  }

  get inflightCount(): number {
    return this.#window.size;
  }

  get queuedCount(): number {
    return this.#queue.size;
  }

  /** In flight plus queued: what Paho's max_queued_messages counts. */
  get pendingCount(): number {
    return this.#window.size + this.#queue.size;
  }

  get serverMaximumPacketSize(): number {
    return this.#serverMaximumPacketSize;
  }

  /** What the last CONNACK allowed (v3: the protocol's own limits). */
  get serverLimits(): ServerLimits {
    return {
      receiveMaximum: this.#serverReceiveMaximum,
      maximumPacketSize: this.#serverMaximumPacketSize,
      topicAliasMaximum: this.#serverTopicAliasMaximum,
      maximumQoS: this.#serverMaximumQoS as QoS,
      retainAvailable: this.#retainAvailable,
    };
  }

  /** v5: the broker's Topic Alias Maximum from the last CONNACK (0: no aliases). */
  get serverTopicAliasMaximum(): number {
    return this.#serverTopicAliasMaximum;
  }

  /**
   * True when a PUBLISH may go straight to the wire without passing the queue: nothing is queued
   * or held ahead of it (order), no automatic topic alias would rewrite it, and the CONNACK allows
   * its RETAIN [MQTT-3.2.2-14]. QoS 1/2 also need room in the window, a QoS the broker accepts
   * [MQTT-3.2.2-11], and no store (a stored message takes the queue, which persists it first).
   */
  sendsNow(qos: QoS, retain: boolean): boolean {
    if (this.#queue.size !== 0 || this.#held.size !== 0 || this.#aliases !== NO_ALIASES || (retain && !this.#retainAvailable)) return false;
    return qos === 0 || (!this.#persisting && qos <= this.#serverMaximumQoS && this.#window.hasRoom);
  }

  /** A QoS 1/2 message sendsNow() let through was sent under `packetId`: it is in flight from now. */
  launched(message: OutgoingMessage, packetId: number, now: number): void {
    this.#window.add({ message, packetId, state: message.qos === 1 ? 'wait-puback' : 'wait-pubrec', sentAt: now });
    this.#retryAt ??= now + this.#options.retryInterval * 1000;
  }

  nextMid(): number {
    return this.#nextMid++;
  }

  peekMid(): number {
    return this.#nextMid;
  }

  allocateId(): number | undefined {
    return this.#ids.allocate();
  }

  releaseId(packetId: number): void {
    this.#ids.release(packetId);
  }

  enqueue(fx: SessionEffect[], message: OutgoingMessage, now: number): void {
    this.#queue.push(message);
    if (message.properties?.messageExpiryInterval !== undefined) {
      if (this.#queuedAt === NO_QUEUED_AT) this.#queuedAt = new Map();
      this.#queuedAt.set(message.mid, now);
    }
    if (message.qos > 0 && this.#persisting) fx.push({ type: 'persist', operation: { op: 'putOutgoing', message: stored(message, undefined, 'queued') } });
  }

  /** Sends queued messages, in order, while the window has room and ids are free. */
  pump(fx: SessionEffect[], now: number, encode: (packet: Packet) => Uint8Array | MqttError, emit: (packet: Packet, bytes: Uint8Array) => void): void {
    for (const packetId of this.#held) {
      if (!this.#roomOnTheWire()) return;
      this.#held.delete(packetId);
      const entry = this.#window.get(packetId);
      // Held ids are always in the window (#complete and abandon remove both): defensive.
      /* v8 ignore next */
      if (entry === undefined) continue;
      entry.sentAt = now;
      const packet = this.#publishPacket(entry.message, packetId, true, false);
      const bytes = encode(packet);
      if (bytes instanceof MqttError) this.abandon(fx, packetId, bytes);
      else emit(packet, bytes);
    }
    for (let queued = this.#queue.peek(); queued !== undefined; queued = this.#queue.peek()) {
      const message = this.#ready(queued, now);
      if (message instanceof MqttError) {
        this.#queue.shift();
        if (queued.qos > 0 && this.#persisting) fx.push({ type: 'persist', operation: { op: 'deleteOutgoing', mid: queued.mid } });
        fx.push({ type: 'requestFailed', mid: queued.mid, error: message });
        continue;
      }
      let packetId: number | undefined;
      if (message.qos > 0) {
        if (!this.#window.hasRoom) return;
        packetId = this.#ids.allocate();
        if (packetId === undefined) return;
      }
      this.#queue.shift();
      const packet = this.#publishPacket(message, packetId, false, true);
      const bytes = encode(packet);
      if (bytes instanceof MqttError) {
        this.#aliases.forget(message.topic);
        if (packetId !== undefined) {
          this.#ids.release(packetId);
          if (this.#persisting) fx.push({ type: 'persist', operation: { op: 'deleteOutgoing', mid: message.mid } });
        }
        fx.push({ type: 'requestFailed', mid: message.mid, error: bytes });
        continue;
      }
      if (packetId === undefined) {
        emit(packet, bytes);
        fx.push({ type: 'published', mid: message.mid, reasonCode: 0, properties: undefined });
        continue;
      }
      const state = message.qos === 1 ? 'wait-puback' : 'wait-pubrec';
      this.#window.add({ message, packetId, state, sentAt: now });
      if (this.#persisting) fx.push({ type: 'persist', operation: { op: 'putOutgoing', message: stored(message, packetId, state) } });
      emit(packet, bytes);
      this.#retryAt ??= now + this.#options.retryInterval * 1000;
    }
  }

  /**
   * The message as it may leave now, or why it may not: the broker's CONNACK forbids it, or (v5) its
   * Message Expiry Interval ran out while it waited here. What is left of the interval goes out.
   */
  #ready(message: OutgoingMessage, now: number): OutgoingMessage | MqttError {
    const queuedAt = this.#queuedAt.get(message.mid);
    this.#queuedAt.delete(message.mid);
    const refusal = this.#refusal(message);
    if (refusal !== undefined) return refusal;
    const expiry = message.properties?.messageExpiryInterval;
    if (queuedAt === undefined || expiry === undefined || this.#options.protocolVersion !== 5) return message;
    const waited = Math.floor((now - queuedAt) / 1000);
    if (waited >= expiry) return new MqttError('MESSAGE_EXPIRED', `message ${message.mid} expired after waiting ${waited} s to be sent`);
    return waited === 0 ? message : { ...message, properties: { ...message.properties, messageExpiryInterval: expiry - waited } };
  }

  /** Why the broker's CONNACK forbids sending `message`, if it does (v5 Maximum QoS, Retain Available). */
  #refusal(message: OutgoingMessage): MqttError | undefined {
    if (message.qos > this.#serverMaximumQoS) {
      // [MQTT-3.2.2-11] never send a QoS above the server's Maximum QoS
      return new MqttError('QOS_NOT_SUPPORTED', `the broker accepts QoS ${this.#serverMaximumQoS} at most, not ${message.qos}`, { reasonCode: 0x9b });
    }
    const alias = message.properties?.topicAlias;
    if (alias !== undefined && this.#options.protocolVersion === 5 && alias > this.#serverTopicAliasMaximum) {
      // [MQTT-3.3.2-9] never an alias above the broker's Topic Alias Maximum
      return new MqttError('TOPIC_ALIAS_INVALID', `topic alias ${alias} is above the broker's Topic Alias Maximum of ${this.#serverTopicAliasMaximum}`, { reasonCode: 0x94 });
    }
    if (message.retain && !this.#retainAvailable) {
      // [MQTT-3.2.2-14] no RETAIN when the server said Retain Available 0
      return new MqttError('RETAIN_NOT_SUPPORTED', 'the broker does not support retained messages', { reasonCode: 0x9a });
    }
    return undefined;
  }

  /** True while fewer messages are on the wire than the window allows (held ones are not on it). */
  #roomOnTheWire(): boolean {
    const capacity = this.#window.capacity;
    return capacity === 0 || this.#window.size - this.#held.size < capacity;
  }

  /** An in-flight message that can no longer be sent (refused by the encoder or the broker's limits): it fails, its id is freed. */
  abandon(fx: SessionEffect[], packetId: number, error: MqttError): void {
    const entry = this.#window.get(packetId);
    // Both callers pass an id they just read from the window: defensive.
    /* v8 ignore next */
    if (entry === undefined) return;
    this.#window.delete(packetId);
    this.#held.delete(packetId);
    this.#ids.release(packetId);
    if (this.#persisting) fx.push({ type: 'persist', operation: { op: 'deleteOutgoing', mid: entry.message.mid } });
    fx.push({ type: 'requestFailed', mid: entry.message.mid, error });
  }

  /** Applies PUBACK, PUBREC or PUBCOMP; O(1) by packet id. */
  acknowledge(fx: SessionEffect[], packet: PubackPacket | PubrecPacket | PubcompPacket, now: number): AckOutcome {
    const entry = this.#window.get(packet.packetId);
    const reasonCode = packet.reasonCode ?? 0;
    if (packet.type === 'pubrec') {
      if (entry?.state === 'wait-pubcomp') return { kind: 'reply', packet: { type: 'pubrel', packetId: packet.packetId } };
      if (entry?.state !== 'wait-pubrec') {
        // An unknown PUBREC is answered with PUBREL, so a broker holding that id can finish its
        // exchange: v5 says 0x92 Packet Identifier not found (4.3.3), 3.1.1 has no reason codes.
        const v5 = this.#options.protocolVersion === 5;
        return { kind: 'reply', unknown: true, packet: { type: 'pubrel', packetId: packet.packetId, ...(v5 ? { reasonCode: ReasonCode.PACKET_ID_NOT_FOUND } : {}) } };
      }
      if (reasonCode >= 0x80) return this.#complete(fx, entry, reasonCode, packet.properties);
      entry.state = 'wait-pubcomp';
      entry.sentAt = now;
      if (this.#persisting) fx.push({ type: 'persist', operation: { op: 'putOutgoing', message: stored(entry.message, entry.packetId, 'wait-pubcomp') } });
      return { kind: 'reply', packet: { type: 'pubrel', packetId: packet.packetId } };
    }
    const expected = packet.type === 'puback' ? 'wait-puback' : 'wait-pubcomp';
    if (entry === undefined || entry.state !== expected) return { kind: 'unknown' };
    return this.#complete(fx, entry, reasonCode, packet.properties);
  }

  /**
   * A CONNACK accepted the connection: returns the PUBLISH (DUP, original packet id) and PUBREL
   * packets to resend, in order, whether or not the broker kept a session. As Paho 1.5 does, a
   * message sent before goes again with its packet id and DUP=1; unlike Paho with a clean session,
   * a QoS 2 message whose PUBREC came (the broker owns it) is completed with PUBREL, never
   * published a second time. A broker without that id still answers PUBREL with PUBCOMP (4.3.3).
   */
  connected(props: Properties, now: number): Packet[] {
    const o = this.#options;
    const v5 = o.protocolVersion === 5;
    const receiveMaximum = v5 ? (props.receiveMaximum ?? 65535) : 65535;
    this.#serverReceiveMaximum = receiveMaximum;
    this.#window.capacity = o.maxInflightMessages === 0 ? receiveMaximum : Math.min(o.maxInflightMessages, receiveMaximum);
    this.#serverMaximumPacketSize = v5 ? (props.maximumPacketSize ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
    this.#serverMaximumQoS = v5 ? (props.maximumQoS ?? 2) : 2;
    this.#serverTopicAliasMaximum = v5 ? (props.topicAliasMaximum ?? 0) : 0;
    this.#retainAvailable = v5 ? (props.retainAvailable ?? true) : true;
    const aliasMaximum = v5 && o.autoTopicAlias ? (props.topicAliasMaximum ?? 0) : 0;
    this.#aliases = aliasMaximum > 0 ? new OutboundTopicAliases(aliasMaximum) : NO_ALIASES;
    this.#retryAt = undefined;
    this.#held.clear();
    // Every PUBREL goes (the broker already counts those messages); PUBLISH resends only as far as
    // the new Receive Maximum allows [MQTT-3.3.4-7], the rest when acks make room (pump).
    const packets: Packet[] = [];
    const capacity = this.#window.capacity;
    let onTheWire = 0;
    for (const entry of this.#window.values()) {
      entry.sentAt = now;
      if (entry.state === 'wait-pubcomp') {
        packets.push({ type: 'pubrel', packetId: entry.packetId });
        onTheWire++;
      } else if (capacity === 0 || onTheWire < capacity) {
        packets.push(this.#publishPacket(entry.message, entry.packetId, true, false));
        onTheWire++;
      } else {
        if (this.#held === NO_HELD) this.#held = new Set();
        this.#held.add(entry.packetId);
      }
    }
    if (packets.length > 0) this.#retryAt = now + o.retryInterval * 1000;
    return packets;
  }

  connectionClosed(): void {
    this.#aliases = NO_ALIASES;
    this.#held.clear();
    this.#retryAt = undefined;
  }

  /** When a retry is due; undefined for v5 (no resend on a live connection [MQTT-4.4.0-1]) or when idle. */
  retryAt(now: number): number | undefined {
    if (this.#options.protocolVersion === 5 || this.#options.retryInterval <= 0 || this.#window.size === 0) return undefined;
    return this.#retryAt ?? now + this.#options.retryInterval * 1000;
  }

  /** The packets to resend now (MQTT 3.1/3.1.1 only) and the next retry time. */
  retryDue(now: number): Packet[] {
    const interval = this.#options.retryInterval * 1000;
    this.#retryAt = undefined;
    if (this.#options.protocolVersion === 5 || interval <= 0) return [];
    const packets: Packet[] = [];
    for (const entry of this.#window.values()) {
      if (this.#held.has(entry.packetId)) continue;
      if (entry.sentAt + interval <= now) {
        entry.sentAt = now;
        packets.push(entry.state === 'wait-pubcomp' ? { type: 'pubrel', packetId: entry.packetId } : this.#publishPacket(entry.message, entry.packetId, true, false));
      }
      const due = entry.sentAt + interval;
      if (this.#retryAt === undefined || due < this.#retryAt) this.#retryAt = due;
    }
    return packets;
  }

  /** QoS>0 messages in order: in flight, then queued. */
  stored(): StoredMessage[] {
    const out: StoredMessage[] = [];
    for (const e of this.#window.values()) out.push(stored(e.message, e.packetId, e.state));
    for (const m of this.#queue.toArray()) if (m.qos > 0) out.push(stored(m, undefined, 'queued'));
    return out;
  }

  restore(snapshot: SessionSnapshot): void {
    const queued: OutgoingMessage[] = [];
    for (const s of snapshot.outgoing) {
      const message: OutgoingMessage = { mid: s.mid, topic: s.topic, payload: s.payload, qos: s.qos, retain: s.retain, properties: s.properties };
      if (s.state !== 'queued' && s.packetId !== undefined && this.#ids.claim(s.packetId)) {
        this.#window.add({ message, packetId: s.packetId, state: s.state, sentAt: 0 });
      } else {
        queued.push(message);
      }
    }
    this.#queue.prepend(queued);
    this.#nextMid = Math.max(this.#nextMid, snapshot.nextMid);
  }

  #complete(fx: SessionEffect[], entry: InflightEntry<OutgoingMessage>, reasonCode: number, properties: Properties | undefined): AckOutcome {
    this.#window.delete(entry.packetId);
    this.#held.delete(entry.packetId);
    this.#ids.release(entry.packetId);
    if (this.#persisting) fx.push({ type: 'persist', operation: { op: 'deleteOutgoing', mid: entry.message.mid } });
    fx.push({ type: 'published', mid: entry.message.mid, reasonCode, properties, packetId: entry.packetId });
    return { kind: 'done' };
  }

  #publishPacket(message: OutgoingMessage, packetId: number | undefined, dup: boolean, useAlias: boolean): PublishPacket {
    let topic = message.topic;
    let properties = this.#options.protocolVersion === 5 ? message.properties : undefined;
    if (properties?.topicAlias !== undefined) {
      // An explicit alias with a topic rebinds that alias at the broker (3.3.2.3.4): the automatic table must know.
      if (useAlias && topic !== '') this.#aliases.bind(topic, properties.topicAlias);
    } else if (useAlias) {
      const assigned = this.#aliases.assign(message.topic);
      if (assigned.alias !== undefined) {
        topic = assigned.topic;
        properties = { ...properties, topicAlias: assigned.alias };
      }
    }
    return {
      type: 'publish',
      topic,
      payload: message.payload,
      qos: message.qos,
      retain: message.retain,
      dup,
      ...(packetId !== undefined ? { packetId } : {}),
      ...(properties !== undefined && Object.keys(properties).length > 0 ? { properties } : {}),
    };
  }
}

function stored(message: OutgoingMessage, packetId: number | undefined, state: OutgoingState): StoredMessage {
  return { ...message, packetId, state };
}
