// What the Client publishes on node:diagnostics_channel: the channel names and each message's
// type. Runtime-neutral (types and names only): the Node entry creates the channels
// (diagnostics-node.ts); the browser entry has none, so its Client pays one undefined check.
import type { MqttError, Packet, PacketType, Properties, QoS } from '@x/mqtt-codec';
import type { PublishResult } from '@x/mqtt-core';

/**
 * The diagnostics_channel names the Node Client publishes on. Subscribe with
 * `diagnostics_channel.subscribe(MQTT_CHANNELS.message, fn)`; `publish` is a TracingChannel
 * (`diagnostics_channel.tracingChannel(MQTT_CHANNELS.publish)`). Nothing is built or published
 * while a channel has no subscriber.
 */
export const MQTT_CHANNELS = {
  /** Every CONNACK, accepted or refused: a ConnectDiagnostic. */
  connect: 'x-mqtt:connect',
  /** A connection ended: a DisconnectDiagnostic. */
  disconnect: 'x-mqtt:disconnect',
  /** A packet is being written: a PacketDiagnostic (with its byteLength). */
  packetSend: 'x-mqtt:packet:send',
  /** A packet was decoded from the broker, before it is handled: a PacketDiagnostic. */
  packetReceive: 'x-mqtt:packet:receive',
  /** A message is delivered, before onMessage and the other handlers run: a MessageDiagnostic. */
  message: 'x-mqtt:message',
  /**
   * publish(), as a TracingChannel named this (channels `tracing:x-mqtt:publish:start`, `:end`,
   * `:asyncStart`, `:asyncEnd`, `:error`), each given the same PublishDiagnostic.
   */
  publish: 'x-mqtt:publish',
} as const;

/** A name in MQTT_CHANNELS. */
export type MqttChannelName = (typeof MQTT_CHANNELS)[keyof typeof MQTT_CHANNELS];

/** What `x-mqtt:connect` carries: a CONNACK. */
export interface ConnectDiagnostic {
  /** The Client it came to. */
  readonly client: object;
  /** host:port of the broker. */
  readonly server: string | undefined;
  /** The v3 return code or v5 reason code (0: accepted). */
  readonly reasonCode: number;
  /** The CONNACK's Session Present flag. */
  readonly sessionPresent: boolean;
  /** The CONNACK's v5 properties; undefined when none. */
  readonly properties: Properties | undefined;
}

/** What `x-mqtt:disconnect` carries: why a connection ended. */
export interface DisconnectDiagnostic {
  /** The Client whose connection ended. */
  readonly client: object;
  /** Why; undefined after disconnect(). */
  readonly error: MqttError | undefined;
  /** The v5 reason code of the DISCONNECT received or sent; undefined when none. */
  readonly reasonCode: number | undefined;
  /** The v5 properties of that DISCONNECT; undefined when none. */
  readonly properties: Properties | undefined;
}

/** What `x-mqtt:packet:send` and `x-mqtt:packet:receive` carry: one packet. */
export interface PacketDiagnostic {
  /** The Client that sent or received it. */
  readonly client: object;
  /** The packet's type: 'connect', 'publish', 'puback', ... */
  readonly type: PacketType;
  /** Its packet id, for the packets that have one; undefined otherwise. */
  readonly packetId: number | undefined;
  /** Its encoded length in bytes (sent packets); undefined for received ones. */
  readonly byteLength: number | undefined;
  /** The packet itself (a CONNECT's password is in it: redact before logging). Do not change it. */
  readonly packet: Packet;
}

/** What `x-mqtt:message` carries: a message delivered to the application. */
export interface MessageDiagnostic {
  /** The Client it was delivered to. */
  readonly client: object;
  /** Its topic. */
  readonly topic: string;
  /** The QoS it was delivered at. */
  readonly qos: QoS;
  /** Its packet id (QoS>0); undefined at QoS 0. */
  readonly packetId: number | undefined;
  /** The RETAIN flag. */
  readonly retain: boolean;
  /** The DUP flag. */
  readonly dup: boolean;
  /** The payload length in bytes. */
  readonly byteLength: number;
  /** Its v5 properties (user properties carry `traceparent`); undefined when none. */
  readonly properties: Properties | undefined;
}

/**
 * What each event of the `x-mqtt:publish` TracingChannel carries: one object per publish(), filled
 * in as it goes. `start`: before the message is queued; a subscriber may replace `properties` (an
 * MQTT 5 client sends what it holds then, which is how trace context is carried). `end`: publish()
 * returned (`mid`, `rc`). `asyncStart`/`asyncEnd`: the publish completed (`result`) or failed
 * (`error`, after an `error` event). A publish() that throws gets `error` then `end`, no async events.
 */
export interface PublishDiagnostic {
  /** The Client publishing. */
  readonly client: object;
  /** The Client's protocol level: 3, 4 or 5. Only 5 sends `properties`. */
  readonly protocolVersion: number;
  /** The topic. */
  readonly topic: string;
  /** The QoS asked for. */
  readonly qos: QoS;
  /** The RETAIN flag. */
  readonly retain: boolean;
  /** The payload length in bytes. */
  readonly byteLength: number;
  /** The v5 PUBLISH properties; a `start` subscriber may set new ones (MQTT 5 only). */
  properties: Properties | undefined;
  /** The message id publish() returned (from `end`). */
  mid?: number;
  /** Paho's rc publish() returned (from `end`). */
  rc?: number;
  /** The acknowledgement (from `asyncStart`, on success). */
  result?: PublishResult;
  /** Why it failed (from `error`). */
  error?: unknown;
}

/** A channel as the Client needs one: node:diagnostics_channel's Channel has this shape. */
export interface DiagnosticChannel {
  /** True while someone subscribes. */
  readonly hasSubscribers: boolean;
  /** Hands `message` to the subscribers. */
  publish(message: unknown): void;
}

/** The channels a Platform gives the Client (Node: node:diagnostics_channel's, by MQTT_CHANNELS name). */
export interface DiagnosticChannels {
  /** `x-mqtt:connect`. */
  readonly connect: DiagnosticChannel;
  /** `x-mqtt:disconnect`. */
  readonly disconnect: DiagnosticChannel;
  /** `x-mqtt:packet:send`. */
  readonly packetSend: DiagnosticChannel;
  /** `x-mqtt:packet:receive`. */
  readonly packetReceive: DiagnosticChannel;
  /** `x-mqtt:message`. */
  readonly message: DiagnosticChannel;
  /** The `x-mqtt:publish` TracingChannel's five channels. */
  readonly publish: {
    /** `tracing:x-mqtt:publish:start`. */
    readonly start: DiagnosticChannel;
    /** `tracing:x-mqtt:publish:end`. */
    readonly end: DiagnosticChannel;
    /** `tracing:x-mqtt:publish:asyncStart`. */
    readonly asyncStart: DiagnosticChannel;
    /** `tracing:x-mqtt:publish:asyncEnd`. */
    readonly asyncEnd: DiagnosticChannel;
    /** `tracing:x-mqtt:publish:error`. */
    readonly error: DiagnosticChannel;
  };
}
