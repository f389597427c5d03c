// The sans-I/O MQTT client session: fed connection events, bytes, timer expiries and commands,
// each with `now` (ms), it answers with effects (see effects.ts). It opens no socket, starts no
// timer and never reads the clock. Outgoing messages live in OutgoingFlow, inbound ones in
// InboundFlow, timers in TimerSchedule; what is left is the connection's state machine and its
// guards, which every input goes through.

import { Decoder, MqttError, encode, encodedLength, isMqttError, isReasonCodeAllowed } from '@x/mqtt-codec';
import type { Packet, Properties, QoS, Subscription } from '@x/mqtt-codec';
import { connackReasonCode, connackString, disconnectString, isConnackRefusal } from './connack-codes.js';
import type { CommandResult, SessionEffect, TimerKind } from './effects.js';
import { PublishRc } from './effects.js';
import { Keepalive } from './keepalive.js';
import { OutgoingFlow } from './outgoing-flow.js';
import type { OutgoingMessage } from './outgoing-flow.js';
import { ReasonCode, allowedInbound, v5Properties } from './packet-rules.js';
import type { SessionState } from './packet-rules.js';
import type { ResolvedSessionOptions, SessionOptions } from './session-options.js';
import { resolveSessionOptions } from './session-options.js';
import type { SessionSnapshot } from './session-store.js';
import type { ServerLimits } from './outgoing-flow.js';
import { InboundFlow } from './inbound-flow.js';
import { TimerSchedule } from './timer-schedule.js';
import { isValidTopicFilter, isValidTopicName } from '../topic/topic-matches-sub.js';

/** What publish() takes. */
export interface PublishRequest {
  /** The topic name: not empty, no wildcards. */
  readonly topic: string;
  /** The message body; kept by reference, so do not mutate it after publish(). */
  readonly payload: Uint8Array;
  /** Defaults to 0. */
  readonly qos?: QoS;
  /** Defaults to false. */
  readonly retain?: boolean;
  /** v5 PUBLISH properties; ignored before MQTT 5. */
  readonly properties?: Properties;
}

interface PendingRequest {
  readonly mid: number;
  readonly kind: 'subscribe' | 'unsubscribe';
  readonly count: number;
}

interface CloseInfo {
  error: MqttError | undefined;
  reasonCode: number | undefined;
  properties: Properties | undefined;
}


/** What Session.stats() answers. */
export interface SessionStats {
  /** The Session's connection state. */
  readonly state: SessionState;
  /** The keepalive in effect, seconds (a v5 Server Keep Alive wins); undefined while not connected. */
  readonly keepalive: number | undefined;
  /** What the last CONNACK allowed. */
  readonly serverLimits: ServerLimits;
  /** Outgoing QoS>0 messages in flight. */
  readonly inflightOut: number;
  /** Outgoing messages waiting for the window or a connection. */
  readonly queuedOut: number;
  /** Inbound QoS 2 messages whose PUBREL has not come. */
  readonly pendingIn: number;
  /** Ms from the last answered PINGREQ to the packet that answered it. */
  readonly pingRoundTripMs: number | undefined;
  /** Ms since a packet was last sent or received; undefined while not connected. */
  readonly idleMs: number | undefined;
}

/** What Session.ack() takes: the delivered message (its packet id and the connection it came on). */
export interface AckTarget {
  /** The message's packet id (undefined at QoS 0: nothing to acknowledge). */
  readonly packetId: number | undefined;
  /** The `connection` of the message effect. */
  readonly connection: number;
}

/** What Session.ack() takes besides the message: a v5 reason code (>= 0x80 refuses) and properties. */
export interface AckOptions {
  /** v5 PUBACK/PUBREC reason code; 0x80 and above refuse the message. Before MQTT 5 only 0 (or none). */
  readonly reasonCode?: number;
  /** v5 PUBACK/PUBREC properties (reasonString, userProperties); ignored before MQTT 5. */
  readonly properties?: Properties;
}

/**
 * What Session.ack() did: `sent` (this ack and any held behind it are in `effects`), `held` (an
 * earlier message is still unacked: it goes with that one), `stale` (the message came on a
 * connection that is over, or the session is not connected: nothing is sent, the broker redelivers
 * it when the session is resumed), `unknown` (QoS 0, acked already, or not a manualAck message).
 */
export interface AckResult {
  /** sent, held, stale or unknown. */
  readonly outcome: 'sent' | 'held' | 'stale' | 'unknown';
  /** The effects to perform, in order. */
  readonly effects: SessionEffect[];
}

/** Options configure() may change while connected. */
const LIVE_OPTIONS: ReadonlySet<string> = new Set(['maxQueuedMessages', 'retryInterval', 'maxInflightMessages']);

/**
 * The sans-I/O MQTT client session: each input (connection events, received bytes, timer expiries,
 * commands) takes `now` in milliseconds and returns the effects to perform, in order.
 */
export class Session {
  readonly #options: ResolvedSessionOptions;
  /** The options as given (constructor, then each configure): resolved afresh each time, so nothing derived sticks. */
  #given: Readonly<Partial<SessionOptions>>;
  readonly #flow: OutgoingFlow;
  readonly #requests = new Map<number, PendingRequest>();
  readonly #inbound: InboundFlow;
  readonly #timers = new TimerSchedule();
  #state: SessionState = 'disconnected';
  #lastMid = 0;
  #decoder: Decoder | undefined;
  #keepalive: Keepalive | undefined;
  #connectDeadline = 0;
  #assignedClientId: string | undefined;
  #close: CloseInfo | undefined;
  /** v5: the Authentication Method this connection's CONNECT carried; undefined when none. */
  #authMethod: string | undefined;
  /** v5: a re-authentication (AUTH 0x19) was sent and neither AUTH 0x00 nor the end of the link has come. */
  #reauthenticating = false;

  constructor(options: Readonly<Partial<SessionOptions>> = {}) {
    this.#given = { ...options };
    this.#options = resolveSessionOptions(options);
    if (this.#options.clientId === '' && !this.#options.cleanSession && this.#options.protocolVersion !== 5) {
      throw new MqttError('INVALID_ARGUMENT', 'an empty clientId needs cleanSession: true [MQTT-3.1.3-7]');
    }
    this.#flow = new OutgoingFlow(this.#options);
    this.#inbound = new InboundFlow(this.#options);
  }

  /** The connection's state: disconnected, connecting, connected or closing. */
  get state(): SessionState {
    return this.#state;
  }

  /** The options in effect, defaults filled in (configure() changes them). */
  get options(): ResolvedSessionOptions {
    return this.#options;
  }

  /** v5: true from a sent AUTH 0x19 until the broker's AUTH 0x00 or the end of the connection. */
  get reauthenticating(): boolean {
    return this.#reauthenticating;
  }

  /** Outgoing QoS>0 messages in flight. */
  get inflightCount(): number {
    return this.#flow.inflightCount;
  }

  /** manualAck: inbound QoS 1/2 messages on this connection whose ack the application has not released. */
  get unackedInboundCount(): number {
    return this.#inbound.unackedCount;
  }

  /** Outgoing messages waiting (for the window or a connection). */
  get queuedCount(): number {
    return this.#flow.queuedCount;
  }

  /**
   * The connection as negotiated and the state held now, cheap enough to read every second:
   * keepalive in effect, the broker's limits, counts both ways, the last PINGREQ round trip and
   * the ms since the last packet either way (undefined while not connected).
   */
  stats(now: number): SessionStats {
    const ka = this.#state === 'connected' ? this.#keepalive : undefined;
    return {
      state: this.#state,
      keepalive: ka?.intervalSeconds,
      serverLimits: this.#flow.serverLimits,
      inflightOut: this.#flow.inflightCount,
      queuedOut: this.#flow.queuedCount,
      pendingIn: this.#inbound.pendingCount,
      pingRoundTripMs: ka?.roundTripMs,
      idleMs: ka === undefined ? undefined : now - ka.lastActivity,
    };
  }

  /**
   * Changes options (the engine calls it before each CONNECT, with the settings current then).
   * `maxQueuedMessages` and `retryInterval` apply at once and `maxInflightMessages` at the next
   * CONNACK, in any state; any other option only while disconnected (INVALID_STATE otherwise).
   * `persistEffects` is fixed at construction. INVALID_ARGUMENT for an empty v3 id without clean session.
   */
  configure(options: Readonly<Partial<SessionOptions>>): void {
    if (this.#state !== 'disconnected' && Object.keys(options).some((key) => !LIVE_OPTIONS.has(key))) {
      this.#requireState(['disconnected'], 'configure');
    }
    const given = { ...this.#given, ...options, persistEffects: this.#options.persistEffects };
    const next = resolveSessionOptions(given);
    if (next.clientId === '' && !next.cleanSession && next.protocolVersion !== 5) {
      throw new MqttError('INVALID_ARGUMENT', 'an empty clientId needs cleanSession: true [MQTT-3.1.3-7]');
    }
    this.#given = given;
    // The flows hold the same options object: they see the new values from now on.
    Object.assign(this.#options as SessionOptions, next);
  }

  // ---- connection lifecycle ------------------------------------------------------------------

  /** The transport is open: sends CONNECT and waits for CONNACK. */
  connectionOpened(now: number): SessionEffect[] {
    this.#requireState(['disconnected'], 'connectionOpened');
    const o = this.#options;
    const v = o.protocolVersion;
    this.#state = 'connecting';
    this.#close = undefined;
    this.#decoder = new Decoder({ protocolVersion: v, maximumPacketSize: o.maximumPacketSize });
    this.#keepalive = undefined;
    this.#inbound.opened();
    this.#reauthenticating = false;
    this.#authMethod = v === 5 ? o.connectProperties?.authenticationMethod : undefined;
    this.#connectDeadline = now + o.connectTimeout * 1000;
    const properties: Properties = { ...o.connectProperties };
    if (v === 5) {
      if (o.receiveMaximum !== 65535) properties.receiveMaximum = o.receiveMaximum;
      if (o.topicAliasMaximum > 0) properties.topicAliasMaximum = o.topicAliasMaximum;
      if (o.maximumPacketSize < 268_435_460) properties.maximumPacketSize = o.maximumPacketSize;
    }
    const password = typeof o.password === 'string' ? new TextEncoder().encode(o.password) : o.password;
    const fx: SessionEffect[] = [];
    const refused = this.#send(fx, now, {
      type: 'connect',
      protocolVersion: v,
      clientId: o.clientId === '' && !o.cleanSession && this.#assignedClientId !== undefined ? this.#assignedClientId : o.clientId,
      cleanStart: o.cleanSession,
      keepalive: o.keepalive,
      ...(o.username !== undefined ? { username: o.username } : {}),
      ...(password !== undefined ? { password } : {}),
      ...(o.will !== undefined ? { will: o.will } : {}),
      ...(v5Properties(v, properties) !== undefined ? { properties } : {}),
    });
    // A CONNECT the encoder refuses (a field changed to something unsendable): fail the open, close the link.
    if (refused !== undefined) this.#fail(fx, refused, undefined);
    return this.#finish(fx, now);
  }

  /** The transport closed (whoever closed it). Idempotent. */
  connectionClosed(now: number, error?: MqttError): SessionEffect[] {
    if (this.#state === 'disconnected') return [];
    const fx: SessionEffect[] = [];
    const userInitiated = this.#close !== undefined && this.#close.error === undefined && this.#state === 'closing';
    const info: CloseInfo = this.#close ?? { error: undefined, reasonCode: undefined, properties: undefined };
    if (!userInitiated && info.error === undefined) {
      info.error = error ?? new MqttError('CONNECTION_CLOSED', 'the connection closed');
    }
    this.#state = 'disconnected';
    this.#decoder = undefined;
    this.#keepalive = undefined;
    this.#reauthenticating = false;
    for (const [packetId, request] of this.#requests) {
      this.#flow.releaseId(packetId);
      fx.push({ type: 'requestFailed', mid: request.mid, error: new MqttError('CONNECTION_CLOSED', `${request.kind} lost with its connection`) });
    }
    this.#requests.clear();
    this.#flow.connectionClosed();
    this.#inbound.closed();
    fx.push({ type: 'disconnected', error: info.error, reasonCode: info.reasonCode, properties: info.properties });
    return this.#finish(fx, now);
  }

  /** Bytes from the broker, any chunk size. */
  /** `trace`: also answer a `received` effect per decoded packet (for packet logs; off costs nothing). */
  receive(bytes: Uint8Array, now: number, trace = false): SessionEffect[] {
    const fx: SessionEffect[] = [];
    const decoder = this.#decoder;
    if (decoder === undefined || (this.#state !== 'connecting' && this.#state !== 'connected')) return fx;
    let packets: Packet[];
    try {
      packets = decoder.push(bytes);
    } catch (cause) {
      // Decoder.push throws only MqttError, each with its v5 reason code: the fallbacks are defensive.
      /* v8 ignore next */
      const error = isMqttError(cause) ? cause : new MqttError('MALFORMED_PACKET', 'undecodable bytes', { reasonCode: 0x81, cause });
      /* v8 ignore next */
      this.#fail(fx, error, error.reasonCode ?? ReasonCode.MALFORMED_PACKET);
      return this.#finish(fx, now);
    }
    try {
      for (const packet of packets) {
        if (this.#state !== 'connecting' && this.#state !== 'connected') break;
        this.#keepalive?.received(now);
        if (trace) fx.push({ type: 'received', packet });
        this.#handle(fx, packet, now);
      }
    } catch (cause) {
      this.#crashed(fx, cause);
    }
    return this.#finish(fx, now);
  }

  /** A timer set by a `setTimer` effect fired. Stale or early firings are harmless. */
  timerFired(timer: TimerKind, now: number): SessionEffect[] {
    this.#timers.fired(timer);
    const fx: SessionEffect[] = [];
    try {
      this.#timerFired(fx, timer, now);
    } catch (cause) {
      // No timer path throws (encode errors are returned, not thrown); kept so timerFired stays total.
      /* v8 ignore next */
      this.#crashed(fx, cause);
    }
    return this.#finish(fx, now);
  }

  #timerFired(fx: SessionEffect[], timer: TimerKind, now: number): void {
    const ka = this.#keepalive;
    if (timer === 'connect' && this.#state === 'connecting' && now >= this.#connectDeadline) {
      this.#fail(fx, new MqttError('CONNECT_TIMEOUT', 'no CONNACK in time'), undefined);
    } else if (timer === 'keepalive' && this.#state === 'connected' && ka !== undefined) {
      const due = ka.pingDueAt();
      if (due !== undefined && due <= now) {
        this.#send(fx, now, { type: 'pingreq' });
        ka.pingSent(now);
      }
    } else if (timer === 'pingTimeout' && this.#state === 'connected' && ka !== undefined) {
      const dead = ka.deadAt();
      if (dead !== undefined && dead <= now) this.#fail(fx, new MqttError('KEEPALIVE_TIMEOUT', 'no answer to PINGREQ in time'), undefined);
    } else if (timer === 'retry' && this.#state === 'connected') {
      for (const packet of this.#flow.retryDue(now)) this.#resend(fx, now, packet);
    }
  }

  // ---- commands ------------------------------------------------------------------------------

  /**
   * Publishes, or queues while disconnected or while the window is full (rc NO_CONNECTION or
   * SUCCESS), or refuses with rc QUEUE_FULL. Throws MqttError INVALID_TOPIC / INVALID_QOS for bad arguments.
   */
  publish(request: PublishRequest, now: number, writeBacklog = 0): CommandResult {
    const qos = request.qos ?? 0;
    if (!isValidTopicName(request.topic)) throw new MqttError('INVALID_TOPIC', `invalid topic name: ${JSON.stringify(request.topic)}`);
    if (qos !== 0 && qos !== 1 && qos !== 2) throw new MqttError('INVALID_QOS', `invalid QoS: ${String(qos)}`);
    const max = this.#options.maxQueuedMessages;
    // `writeBacklog`: QoS 0 messages the driver holds for a blocked transport; Paho counts them until written.
    const full = max > 0 && this.#flow.pendingCount + writeBacklog >= max;
    const retain = request.retain ?? false;
    if (!full && this.#state === 'connected' && (request.properties === undefined || this.#options.protocolVersion !== 5) && this.#flow.sendsNow(qos, retain)) {
      const sent = this.#publishNow(request.topic, request.payload, qos, retain, now);
      if (sent !== undefined) return sent;
    }
    this.#checkPublishable(request, qos);
    const fx: SessionEffect[] = [];
    const mid = this.#flow.nextMid();
    if (full) return { mid, rc: PublishRc.QUEUE_FULL, effects: fx };
    const message: OutgoingMessage = {
      mid,
      topic: request.topic,
      payload: request.payload,
      qos,
      retain,
      properties: request.properties,
    };
    this.#flow.enqueue(fx, message, now);
    this.#pump(fx, now);
    return { mid, rc: this.#state === 'connected' ? PublishRc.SUCCESS : PublishRc.NO_CONNECTION, effects: this.#finish(fx, now) };
  }

  /**
   * publish() of a QoS 0 message without properties, for a driver's hot path: when it can go out
   * at once (connected, nothing queued or held ahead of it, the queue bound not reached, no
   * automatic topic aliases, retain allowed), encodes it and returns its PUBLISH bytes, for the
   * caller to write as a `send` effect and to complete as a `published` effect of mid `lastMid`
   * (publish() would have returned exactly those two effects). Otherwise undefined and nothing
   * changed: call publish(). Throws as publish() does.
   */
  publishQos0(topic: string, payload: Uint8Array, retain: boolean, now: number, writeBacklog = 0): Uint8Array | undefined {
    if (!isValidTopicName(topic)) throw new MqttError('INVALID_TOPIC', `invalid topic name: ${JSON.stringify(topic)}`);
    const max = this.#options.maxQueuedMessages;
    if (this.#state !== 'connected' || (max > 0 && this.#flow.pendingCount + writeBacklog >= max) || !this.#flow.sendsNow(0, retain)) return undefined;
    const bytes = this.#encode({ type: 'publish', topic, payload, qos: 0, retain, dup: false });
    if (bytes instanceof MqttError) throw bytes;
    this.#lastMid = this.#flow.nextMid();
    this.#keepalive?.sent(now);
    return bytes;
  }

  /** The mid of the message publishQos0() sent last. */
  get lastMid(): number {
    return this.#lastMid;
  }

  /**
   * The common case of publish(), without the queue: a message with nothing ahead of it and room on
   * the wire goes out in this call. What the codec refuses throws here, as #checkPublishable would
   * have, and leaves nothing behind. Undefined when no packet id is free (the queue waits for one).
   * QoS 0 moves no timer: a send only makes the (lazy) keepalive deadline later.
   */
  #publishNow(topic: string, payload: Uint8Array, qos: QoS, retain: boolean, now: number): CommandResult | undefined {
    const packetId = qos === 0 ? undefined : this.#flow.allocateId();
    if (qos !== 0 && packetId === undefined) return undefined;
    const packet: Packet = packetId === undefined ? { type: 'publish', topic, payload, qos, retain, dup: false } : { type: 'publish', topic, payload, qos, retain, dup: false, packetId };
    const bytes = this.#encode(packet);
    if (bytes instanceof MqttError) {
      if (packetId !== undefined) this.#flow.releaseId(packetId);
      throw bytes;
    }
    const mid = this.#flow.nextMid();
    this.#keepalive?.sent(now);
    if (packetId === undefined) {
      return { mid, rc: PublishRc.SUCCESS, effects: [{ type: 'send', packet, bytes }, { type: 'published', mid, reasonCode: 0, properties: undefined }] };
    }
    this.#flow.launched({ mid, topic, payload, qos, retain, properties: undefined }, packetId, now);
    return { mid, rc: PublishRc.SUCCESS, effects: this.#finish([{ type: 'send', packet, bytes }], now) };
  }

  /** Sends SUBSCRIBE; when not connected, answers rc NO_CONNECTION and a `requestFailed`. */
  subscribe(subscriptions: readonly Subscription[], properties: Properties | undefined, now: number): CommandResult {
    if (subscriptions.length === 0) throw new MqttError('INVALID_ARGUMENT', 'subscribe needs at least one filter');
    for (const s of subscriptions) {
      if (!isValidTopicFilter(s.topicFilter)) throw new MqttError('INVALID_TOPIC', `invalid topic filter: ${JSON.stringify(s.topicFilter)}`);
      if (s.qos !== 0 && s.qos !== 1 && s.qos !== 2) throw new MqttError('INVALID_QOS', `invalid QoS: ${String(s.qos)}`);
    }
    return this.#request('subscribe', subscriptions.length, now, (packetId) => ({
      type: 'subscribe',
      packetId,
      subscriptions: [...subscriptions],
      ...this.#props(properties),
    }));
  }

  /** Sends UNSUBSCRIBE; when not connected, answers rc NO_CONNECTION and a `requestFailed`. */
  unsubscribe(topicFilters: readonly string[], properties: Properties | undefined, now: number): CommandResult {
    if (topicFilters.length === 0) throw new MqttError('INVALID_ARGUMENT', 'unsubscribe needs at least one filter');
    for (const f of topicFilters) {
      if (!isValidTopicFilter(f)) throw new MqttError('INVALID_TOPIC', `invalid topic filter: ${JSON.stringify(f)}`);
    }
    return this.#request('unsubscribe', topicFilters.length, now, (packetId) => ({
      type: 'unsubscribe',
      packetId,
      topicFilters: [...topicFilters],
      ...this.#props(properties),
    }));
  }

  /** Sends DISCONNECT (when connected) and closes. A no-op when already disconnected or closing. */
  disconnect(options: { readonly reasonCode?: number; readonly properties?: Properties }, now: number): SessionEffect[] {
    const fx: SessionEffect[] = [];
    if (this.#state !== 'connected' && this.#state !== 'connecting') return fx;
    if (this.#state === 'connected') {
      const v5 = this.#options.protocolVersion === 5;
      this.#send(fx, now, {
        type: 'disconnect',
        ...(v5 && options.reasonCode !== undefined ? { reasonCode: options.reasonCode } : {}),
        ...this.#props(options.properties),
      });
    }
    this.#state = 'closing';
    this.#close = { error: undefined, reasonCode: options.reasonCode, properties: undefined };
    fx.push({ type: 'close' });
    return this.#finish(fx, now);
  }

  /**
   * manualAck: the application is done with `message` (a `message` effect's message): releases its
   * PUBACK (QoS 1) or PUBREC (QoS 2), in PUBLISH-arrival order [MQTT-4.6.0-2] [MQTT-4.6.0-3], so it
   * may be held until earlier messages are acked. v5: `reasonCode` >= 0x80 refuses the message (a
   * refused PUBREC ends the QoS 2 exchange). Never throws for the message's state (see AckResult:
   * stale and unknown are no-ops); throws INVALID_ARGUMENT for a reason code PUBACK/PUBREC cannot
   * carry, or any non-zero one before MQTT 5.
   */
  ack(message: AckTarget, options: AckOptions, now: number): AckResult {
    const code = options.reasonCode;
    if (code !== undefined) {
      const v5 = this.#options.protocolVersion === 5;
      if (v5 ? !isReasonCodeAllowed('puback', code) : code !== 0) {
        throw new MqttError('INVALID_ARGUMENT', `reason code ${String(code)} is not allowed on PUBACK/PUBREC${v5 ? '' : ' before MQTT 5'}`);
      }
    }
    const fx: SessionEffect[] = [];
    if (message.packetId === undefined) return { outcome: 'unknown', effects: fx };
    if (this.#state !== 'connected' || message.connection !== this.#inbound.connection) return { outcome: 'stale', effects: fx };
    const v5 = this.#options.protocolVersion === 5;
    const replies = this.#inbound.ack(fx, message.packetId, v5 && code !== 0 ? code : undefined, v5Properties(this.#options.protocolVersion, options.properties));
    if (replies === undefined) return { outcome: 'unknown', effects: fx };
    for (const reply of replies) this.#reply(fx, now, reply);
    return { outcome: replies.length > 0 ? 'sent' : 'held', effects: this.#finish(fx, now) };
  }

  /**
   * v5: sends AUTH with the connection's Authentication Method filled in [MQTT-4.12.0-5]. 0x19
   * starts a re-authentication: only once connected [MQTT-4.12.1-1], only when CONNECT carried a
   * method [MQTT-4.12.0-7], one at a time (INVALID_STATE otherwise). 0x18 answers the broker's
   * 0x18 [MQTT-4.12.0-3], so only while an exchange is in progress (CONNECT's, or a re-authentication).
   * 0x00 is the broker's to send (Table 3.15.2.1): INVALID_ARGUMENT.
   */
  auth(options: { readonly reasonCode: number; readonly properties?: Properties }, now: number): SessionEffect[] {
    if (this.#options.protocolVersion !== 5) throw new MqttError('INVALID_STATE', 'AUTH needs MQTT 5');
    const { reasonCode } = options;
    if (reasonCode !== 0x18 && reasonCode !== 0x19) {
      throw new MqttError('INVALID_ARGUMENT', `a client sends AUTH 0x18 or 0x19, not 0x${reasonCode.toString(16)} [MQTT-3.15.2-1]`);
    }
    this.#requireState(reasonCode === 0x19 ? ['connected'] : ['connecting', 'connected'], reasonCode === 0x19 ? 're-authentication' : 'auth');
    const method = this.#authMethod;
    if (method === undefined) throw new MqttError('INVALID_STATE', 'AUTH needs an Authentication Method in CONNECT [MQTT-4.12.0-7]');
    if (reasonCode === 0x19 && this.#reauthenticating) throw new MqttError('INVALID_STATE', 'a re-authentication is already in progress');
    if (reasonCode === 0x18 && this.#state === 'connected' && !this.#reauthenticating) {
      throw new MqttError('INVALID_STATE', 'AUTH 0x18 answers the broker during an exchange, and none is in progress');
    }
    const fx: SessionEffect[] = [];
    const properties: Properties = { ...options.properties, authenticationMethod: method };
    const refused = this.#send(fx, now, { type: 'auth', reasonCode, properties });
    if (refused !== undefined) throw refused;
    if (reasonCode === 0x19) this.#reauthenticating = true;
    return this.#finish(fx, now);
  }

  /** Everything needed to resume: outgoing QoS>0 messages in order, inbound QoS 2 ids, next mid. */
  snapshot(): SessionSnapshot {
    return { version: 1, outgoing: this.#flow.stored(), incomingQos2: this.#inbound.snapshot(), nextMid: this.#flow.peekMid() };
  }

  /** Loads a snapshot into a fresh, disconnected session (its messages then come first). */
  restore(snapshot: SessionSnapshot): void {
    this.#requireState(['disconnected'], 'restore');
    this.#flow.restore(snapshot);
    this.#inbound.restore(snapshot.incomingQos2);
  }

  // ---- inbound packets -----------------------------------------------------------------------

  #handle(fx: SessionEffect[], packet: Packet, now: number): void {
    const v = this.#options.protocolVersion;
    if (!allowedInbound(this.#state, v).has(packet.type)) {
      const error = new MqttError('INVALID_STATE', `unexpected ${packet.type.toUpperCase()} while ${this.#state}`, { reasonCode: ReasonCode.PROTOCOL_ERROR });
      this.#fail(fx, error, ReasonCode.PROTOCOL_ERROR);
      return;
    }
    switch (packet.type) {
      case 'connack': {
        fx.push({ type: 'connack', sessionPresent: packet.sessionPresent, reasonCode: packet.reasonCode, properties: packet.properties });
        if (isConnackRefusal(packet.reasonCode, v)) {
          const message = connackString(packet.reasonCode, v);
          const error = new MqttError('CONNECTION_REFUSED', message, { reasonCode: connackReasonCode(packet.reasonCode, v) });
          this.#fail(fx, error, undefined).properties = packet.properties;
          return;
        }
        this.#connected(fx, packet.sessionPresent, packet.properties ?? {}, now);
        return;
      }
      case 'publish': {
        const outcome = this.#inbound.publish(fx, packet);
        if (outcome.kind === 'fail') this.#fail(fx, outcome.error, outcome.error.reasonCode);
        else if (outcome.reply !== undefined) this.#reply(fx, now, outcome.reply);
        return;
      }
      case 'pubrel': {
        const { reply, known } = this.#inbound.pubrel(fx, packet.packetId);
        this.#reply(fx, now, reply);
        // The exchange for a message we delivered is complete (PUBCOMP goes out just before).
        if (known) fx.push({ type: 'released', packetId: packet.packetId });
        return;
      }
      case 'puback':
      case 'pubrec':
      case 'pubcomp': {
        const outcome = this.#flow.acknowledge(fx, packet, now);
        if (outcome.kind === 'reply') this.#reply(fx, now, outcome.packet);
        if (outcome.kind === 'unknown' || (outcome.kind === 'reply' && outcome.unknown === true)) this.#unknownId(fx, packet.type, packet.packetId);
        this.#pump(fx, now);
        return;
      }
      case 'suback':
      case 'unsuback': {
        const request = this.#requests.get(packet.packetId);
        const kind = packet.type === 'suback' ? 'subscribe' : 'unsubscribe';
        if (request === undefined || request.kind !== kind) {
          this.#unknownId(fx, packet.type, packet.packetId);
          return;
        }
        this.#requests.delete(packet.packetId);
        this.#flow.releaseId(packet.packetId);
        const codes = packet.reasonCodes ?? new Array<number>(request.count).fill(0);
        fx.push({ type: packet.type === 'suback' ? 'subscribed' : 'unsubscribed', mid: request.mid, reasonCodes: codes, properties: packet.properties });
        return;
      }
      case 'pingresp':
        return;
      case 'disconnect': {
        // The decoder always sets a v5 DISCONNECT's reason code (0 when absent on the wire); v3 brokers send none.
        /* v8 ignore next */
        const reasonCode = packet.reasonCode ?? 0;
        const error = new MqttError('SERVER_DISCONNECT', `the broker disconnected: ${disconnectString(reasonCode)}`, { reasonCode });
        const close = this.#fail(fx, error, undefined);
        close.reasonCode = reasonCode;
        close.properties = packet.properties;
        return;
      }
      case 'auth': {
        const refusal = this.#authRefusal(packet.reasonCode, packet.properties?.authenticationMethod);
        if (refusal !== undefined) {
          this.#fail(fx, new MqttError('PROTOCOL_ERROR', refusal, { reasonCode: ReasonCode.PROTOCOL_ERROR }), ReasonCode.PROTOCOL_ERROR);
          return;
        }
        // AUTH 0x00 ends the re-authentication in progress (4.12.1); 0x18 continues an exchange.
        if (packet.reasonCode === 0x00) this.#reauthenticating = false;
        fx.push({ type: 'auth', reasonCode: packet.reasonCode, properties: packet.properties });
        return;
      }
    }
  }

  /**
   * Why an AUTH from the broker breaks the protocol, or undefined when it is part of an exchange:
   * AUTH only when CONNECT named a method [MQTT-4.12.0-6], with that same method [MQTT-4.12.0-5];
   * 0x19 is the client's code (Table 3.15.2.1); the broker answers, never starts: 0x18 only while
   * connecting [MQTT-4.12.0-2] or re-authenticating, 0x00 only to end a re-authentication (4.12.1;
   * CONNECT's exchange ends with CONNACK).
   */
  #authRefusal(reasonCode: number, method: string | undefined): string | undefined {
    if (this.#authMethod === undefined) return 'AUTH from the broker, but CONNECT carried no Authentication Method [MQTT-4.12.0-6]';
    if (method !== this.#authMethod) return `AUTH with Authentication Method ${JSON.stringify(method)}, not CONNECT's ${JSON.stringify(this.#authMethod)} [MQTT-4.12.0-5]`;
    if (reasonCode === 0x19) return 'AUTH 0x19 (Re-authenticate) is sent by the client only [MQTT-3.15.2-1]';
    if (this.#state === 'connecting' ? reasonCode === 0x00 : !this.#reauthenticating) {
      return `AUTH 0x${reasonCode.toString(16).padStart(2, '0')} while ${this.#state === 'connecting' ? 'connecting (success is CONNACK)' : 'no re-authentication is in progress'}`;
    }
    return undefined;
  }

  #connected(fx: SessionEffect[], sessionPresent: boolean, props: Properties, now: number): void {
    const o = this.#options;
    this.#state = 'connected';
    if (props.assignedClientIdentifier !== undefined) this.#assignedClientId = props.assignedClientIdentifier;
    this.#keepalive = new Keepalive(props.serverKeepAlive ?? o.keepalive, o.pingTimeout, now);
    this.#inbound.connected(fx, sessionPresent);
    // Resend PUBLISH (DUP) and PUBREL with their original ids, in order [MQTT-4.4.0-1], whatever the
    // session present flag says: a QoS 2 message already PUBREC'd gets its PUBREL, never a second
    // PUBLISH (it would arrive twice). See OutgoingFlow.connected for how this compares with Paho.
    const resend = this.#flow.connected(props, now);
    for (const packet of resend) this.#resend(fx, now, packet);
    this.#pump(fx, now);
  }

  /**
   * An ack for a packet id that is not in flight: neither 3.1.1 nor 5.0 makes it a protocol error
   * (a broker acknowledges both a message and its DUP resend [MQTT-4.3.2-2]; v5 even has 0x92), and
   * Paho and libmosquitto ignore it. Reported as a warning; the connection stays up.
   */
  #unknownId(fx: SessionEffect[], type: string, packetId: number): void {
    fx.push({ type: 'warning', error: new MqttError('UNKNOWN_PACKET_ID', `${type.toUpperCase()} for packet id ${packetId}, which is not in flight: ignored`) });
  }

  // ---- helpers -------------------------------------------------------------------------------

  #request(kind: 'subscribe' | 'unsubscribe', count: number, now: number, build: (packetId: number) => Packet): CommandResult {
    const fx: SessionEffect[] = [];
    const mid = this.#flow.nextMid();
    if (this.#state !== 'connected') {
      fx.push({ type: 'requestFailed', mid, error: new MqttError('NOT_CONNECTED', `${kind} needs a connection`) });
      return { mid, rc: PublishRc.NO_CONNECTION, effects: fx };
    }
    const packetId = this.#flow.allocateId();
    if (packetId === undefined) {
      fx.push({ type: 'requestFailed', mid, error: new MqttError('QUEUE_FULL', 'all 65535 packet ids are in use') });
      return { mid, rc: PublishRc.QUEUE_FULL, effects: fx };
    }
    const refused = this.#send(fx, now, build(packetId));
    if (refused !== undefined) {
      this.#flow.releaseId(packetId);
      throw refused;
    }
    this.#requests.set(packetId, { mid, kind, count });
    return { mid, rc: PublishRc.SUCCESS, effects: this.#finish(fx, now) };
  }

  /** Moves queued messages onto the wire while connected and the window has room. */
  #pump(fx: SessionEffect[], now: number): void {
    if (this.#state !== 'connected') return;
    this.#flow.pump(fx, now, (packet) => this.#encode(packet), (packet, bytes) => {
      fx.push({ type: 'send', packet, bytes });
      this.#keepalive?.sent(now);
    });
  }

  /**
   * Everything encode() would refuse in this PUBLISH, refused at the call with the codec's typed
   * error, so a message that is queued can always be sent later (and never throws in a socket callback).
   * Also what the codec cannot know: properties a client must not send, and the broker's limits.
   */
  #checkPublishable(request: PublishRequest, qos: QoS): void {
    const v = this.#options.protocolVersion;
    const properties = v === 5 ? request.properties : undefined;
    if (properties !== undefined && properties !== null) {
      if (properties.subscriptionIdentifiers !== undefined) {
        throw new MqttError('INVALID_PROPERTY', 'subscriptionIdentifiers is set by the broker, never on a PUBLISH a client sends [MQTT-3.3.4-6]');
      }
      const responseTopic = properties.responseTopic;
      if (typeof responseTopic === 'string' && !isValidTopicName(responseTopic)) {
        throw new MqttError('INVALID_TOPIC', `a Response Topic is a topic name, without wildcards [MQTT-3.3.2-14]: ${JSON.stringify(responseTopic)}`);
      }
      const alias = properties.topicAlias;
      const aliasMaximum = this.#flow.serverTopicAliasMaximum;
      if (typeof alias === 'number' && this.#state === 'connected' && alias > aliasMaximum) {
        throw new MqttError('TOPIC_ALIAS_INVALID', `topic alias ${alias} is above the broker's Topic Alias Maximum of ${aliasMaximum} [MQTT-3.3.2-9]`, { reasonCode: ReasonCode.TOPIC_ALIAS_INVALID });
      }
    }
    const packet: Packet = {
      type: 'publish',
      topic: request.topic,
      payload: request.payload,
      qos,
      retain: request.retain ?? false,
      dup: false,
      ...(qos > 0 ? { packetId: 1 } : {}),
      ...(properties !== undefined ? { properties } : {}),
    };
    const length = encodedLength(packet, v);
    const max = this.#state === 'connected' ? this.#flow.serverMaximumPacketSize : Number.POSITIVE_INFINITY;
    if (length > max) throw tooLarge(length, max);
  }

  /**
   * Encodes and sends `packet`, or answers why it cannot go: the one place every outgoing packet
   * passes. Connected, nothing over the broker's Maximum Packet Size is sent [MQTT-3.2.2-15]; an ack,
   * DISCONNECT or AUTH first leaves out its Reason String and User Properties, which a sender must drop
   * rather than exceed that size [MQTT-3.4.2-2], [MQTT-3.14.2-3], [MQTT-3.15.2-2].
   */
  #send(fx: SessionEffect[], now: number, packet: Packet): MqttError | undefined {
    let bytes = this.#encode(packet);
    if (bytes instanceof MqttError && bytes.code === 'PACKET_TOO_LARGE' && TRIMMABLE.has(packet.type)) {
      packet = withoutOptionalProperties(packet);
      bytes = this.#encode(packet);
    }
    if (bytes instanceof MqttError) return bytes;
    fx.push({ type: 'send', packet, bytes });
    this.#keepalive?.sent(now);
    return undefined;
  }

  /** An ack we owe the broker; one that cannot be sent at all is reported, and the connection goes on. */
  #reply(fx: SessionEffect[], now: number, packet: Packet): void {
    const refused = this.#send(fx, now, packet);
    if (refused !== undefined) fx.push({ type: 'warning', error: refused });
  }

  /** A PUBLISH (DUP) or PUBREL resent; a message that can no longer be sent fails instead of blocking its id. */
  #resend(fx: SessionEffect[], now: number, packet: Packet): void {
    const refused = this.#send(fx, now, packet);
    if (refused === undefined) return;
    if (packet.type === 'publish' && packet.packetId !== undefined) this.#flow.abandon(fx, packet.packetId, refused);
    else fx.push({ type: 'warning', error: refused });
  }

  /** The bytes of `packet`, or the typed error that keeps it off the wire. Never throws. */
  #encode(packet: Packet): Uint8Array | MqttError {
    let bytes: Uint8Array;
    try {
      bytes = encode(packet, this.#options.protocolVersion);
    } catch (cause) {
      // encode() throws nothing but MqttError (its own last line of defence wraps the rest).
      /* v8 ignore next */
      return isMqttError(cause) ? cause : new MqttError('INVALID_PACKET', `${packet.type} could not be encoded`, { cause });
    }
    const max = this.#state === 'connected' ? this.#flow.serverMaximumPacketSize : Number.POSITIVE_INFINITY;
    return bytes.length > max ? tooLarge(bytes.length, max) : bytes;
  }

  #props(properties: Properties | undefined): { properties?: Properties } {
    const p = v5Properties(this.#options.protocolVersion, properties);
    return p === undefined ? {} : { properties: p };
  }

  /** A fatal condition: report it, send a v5 DISCONNECT with `reasonCode` when connected, and close. Returns the close info it recorded. */
  #fail(fx: SessionEffect[], error: MqttError, reasonCode: number | undefined): CloseInfo {
    if (this.#state === 'connected' && this.#options.protocolVersion === 5 && reasonCode !== undefined) {
      const packet: Packet = { type: 'disconnect', reasonCode: disconnectReasonCode(reasonCode, error) };
      fx.push({ type: 'send', packet, bytes: encode(packet, 5) });
    }
    this.#state = 'closing';
    const close: CloseInfo = { error, reasonCode: undefined, properties: undefined };
    this.#close = close;
    fx.push({ type: 'error', error });
    fx.push({ type: 'close' });
    return close;
  }

  /**
   * An input the session could not handle (a bug here, never the broker's fault alone): reported as
   * INTERNAL_ERROR and closed with 0x83, so no exception reaches the transport's data callback.
   */
  #crashed(fx: SessionEffect[], cause: unknown): void {
    const error = new MqttError('INTERNAL_ERROR', `the session could not handle an input: ${cause instanceof Error ? cause.message : String(cause)}`, { reasonCode: 0x83, cause });
    // Today only receive() can crash, and only while handling a packet on a live connection; the else is for a future caller.
    /* v8 ignore else */
    if (this.#state === 'connecting' || this.#state === 'connected') this.#fail(fx, error, 0x83);
    else fx.push({ type: 'error', error });
  }

  #requireState(allowed: readonly SessionState[], what: string): void {
    if (!allowed.includes(this.#state)) {
      throw new MqttError('INVALID_STATE', `${what} is not allowed while ${this.#state} (allowed: ${allowed.join(', ')})`);
    }
  }

  /** Appends setTimer/cancelTimer effects so the armed timers match the deadlines now wanted. */
  #finish(fx: SessionEffect[], now: number): SessionEffect[] {
    const timers = this.#timers;
    timers.syncOne(fx, 'connect', this.#deadline('connect', now));
    timers.syncOne(fx, 'keepalive', this.#deadline('keepalive', now));
    timers.syncOne(fx, 'pingTimeout', this.#deadline('pingTimeout', now));
    timers.syncOne(fx, 'retry', this.#deadline('retry', now));
    return fx;
  }

  #deadline(timer: TimerKind, now: number): number | undefined {
    switch (timer) {
      case 'connect':
        return this.#state === 'connecting' ? this.#connectDeadline : undefined;
      case 'keepalive':
        return this.#state === 'connected' ? this.#keepalive?.pingDueAt() : undefined;
      case 'pingTimeout':
        return this.#state === 'connected' ? this.#keepalive?.deadAt() : undefined;
      case 'retry':
        return this.#state === 'connected' ? this.#flow.retryAt(now) : undefined;
    }
  }
}

/**
 * The reason code for a DISCONNECT the client sends: `code` when Table 2-6 allows it on DISCONNECT,
 * else 0x81 (Malformed Packet) for bytes that could not be decoded and 0x82 (Protocol Error) for the
 * rest: a decoder's 0x84 (a CONNECT arriving at a client) must not become a DISCONNECT the encoder refuses.
 */
function disconnectReasonCode(code: number, error: MqttError): number {
  if (isReasonCodeAllowed('disconnect', code)) return code;
  // Every MALFORMED_PACKET the codec raises carries 0x81, which DISCONNECT allows: that arm is defensive.
  /* v8 ignore next */
  return error.code === 'MALFORMED_PACKET' ? ReasonCode.MALFORMED_PACKET : ReasonCode.PROTOCOL_ERROR;
}

/** Packets whose Reason String and User Properties may be dropped to fit the broker's Maximum Packet Size. */
const TRIMMABLE: ReadonlySet<Packet['type']> = new Set(['puback', 'pubrec', 'pubrel', 'pubcomp', 'disconnect', 'auth']);

function withoutOptionalProperties(packet: Packet): Packet {
  if (!('properties' in packet) || packet.properties === undefined) return packet;
  const { reasonString: _reason, userProperties: _user, ...rest } = packet.properties;
  return { ...packet, properties: rest } as Packet;
}

function tooLarge(length: number, max: number): MqttError {
  return new MqttError('PACKET_TOO_LARGE', `${length} bytes exceed the broker's Maximum Packet Size of ${max}`, { reasonCode: ReasonCode.PACKET_TOO_LARGE });
}
