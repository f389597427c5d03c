// Feeds a Client's diagnostic channels: engine events and packets become the MQTT_CHANNELS
// messages, and publish() runs inside the `x-mqtt:publish` TracingChannel events. Invariant: no
// message object is built, and no promise watched, while its channel has no subscriber. Memory:
// two small class instances per Client (methods on their prototypes), no closure per Client.
import type { QoS, Properties, Packet } from '@x/mqtt-codec';
import type { ConnackInfo, DisconnectInfo, EngineCore, EngineEventName, EngineEvents, EngineObserver, InboundMessage } from '@x/mqtt-core';
import type { DiagnosticChannels, PacketDiagnostic, PublishDiagnostic } from './diagnostics.js';
import type { MessageInfo } from './message.js';

/** What the Client asks of its publish() hook. */
export interface PublishTracer {
  /** True while the `x-mqtt:publish` TracingChannel has a subscriber: only then is run() called. */
  readonly active: boolean;
  /** Runs `send` inside the publish events; `send` gets the properties a `start` subscriber left. */
  run(topic: string, bytes: Uint8Array, qos: QoS, retain: boolean, properties: Properties | undefined, send: PublishSend): MessageInfo;
  /** When given: told of every engine event before the Client's own handlers (the connect, disconnect and message channels). */
  engineEvent?<K extends EngineEventName>(event: K, arg: EngineEvents[K]): void;
}

/** The Client's own publish, after its argument checks. */
export type PublishSend = (topic: string, bytes: Uint8Array, qos: QoS, retain: boolean, properties: Properties | undefined) => MessageInfo;

/** What the hooks read from the Client. */
export interface InstrumentedClient {
  /** The protocol level: 3, 4 or 5. */
  readonly protocol: number;
  /** The client's stats; only `server` is read. */
  stats(): {
    /** The broker in use, host:port. */
    readonly server: string | undefined;
  };
}

function packetMessage(client: object, packet: Packet, byteLength: number | undefined): PacketDiagnostic {
  return { client, type: packet.type, packetId: 'packetId' in packet ? packet.packetId : undefined, byteLength, packet };
}

/** The engine's packet observer: the packet channels. */
class PacketObserver implements EngineObserver {
  readonly #channels: DiagnosticChannels;
  readonly #client: object;

  constructor(channels: DiagnosticChannels, client: object) {
    this.#channels = channels;
    this.#client = client;
  }

  get active(): boolean {
    return this.#channels.packetSend.hasSubscribers || this.#channels.packetReceive.hasSubscribers;
  }

  packetSent(packet: Packet, byteLength: number): void {
    const channel = this.#channels.packetSend;
    if (channel.hasSubscribers) channel.publish(packetMessage(this.#client, packet, byteLength));
  }

  packetReceived(packet: Packet): void {
    const channel = this.#channels.packetReceive;
    if (channel.hasSubscribers) channel.publish(packetMessage(this.#client, packet, undefined));
  }
}

/** The Client's hook: the publish TracingChannel and the connect, disconnect and message channels. */
class ClientTracer implements PublishTracer {
  readonly #channels: DiagnosticChannels;
  readonly #client: InstrumentedClient;

  constructor(channels: DiagnosticChannels, client: InstrumentedClient) {
    this.#channels = channels;
    this.#client = client;
  }

  get active(): boolean {
    const { start, end, asyncStart, asyncEnd, error } = this.#channels.publish;
    return start.hasSubscribers || end.hasSubscribers || asyncStart.hasSubscribers || asyncEnd.hasSubscribers || error.hasSubscribers;
  }

  engineEvent<K extends EngineEventName>(event: K, arg: EngineEvents[K]): void {
    const client = this.#client;
    const { connect, disconnect, message } = this.#channels;
    if (event === 'connect') {
      const c = arg as ConnackInfo;
      if (connect.hasSubscribers) connect.publish({ client, server: client.stats().server, reasonCode: c.reasonCode, sessionPresent: c.sessionPresent, properties: c.properties });
    } else if (event === 'disconnect') {
      const d = arg as DisconnectInfo;
      if (disconnect.hasSubscribers) disconnect.publish({ client, error: d.error, reasonCode: d.reasonCode, properties: d.properties });
    } else if (event === 'message') {
      const m = arg as InboundMessage;
      if (message.hasSubscribers) {
        message.publish({ client, topic: m.topic, qos: m.qos, packetId: m.packetId, retain: m.retain, dup: m.dup, byteLength: m.payload.length, properties: m.properties });
      }
    }
  }

  run(topic: string, bytes: Uint8Array, qos: QoS, retain: boolean, properties: Properties | undefined, send: PublishSend): MessageInfo {
    const client = this.#client;
    const { start, end, asyncStart, asyncEnd, error } = this.#channels.publish;
    const context: PublishDiagnostic = { client, protocolVersion: client.protocol, topic, qos, retain, byteLength: bytes.length, properties };
    start.publish(context);
    let info: MessageInfo;
    try {
      info = send(topic, bytes, qos, retain, context.properties);
    } catch (thrown) {
      context.error = thrown;
      error.publish(context);
      end.publish(context);
      throw thrown;
    }
    context.mid = info.mid;
    context.rc = info.rc;
    end.publish(context);
    info.then(
      (result) => {
        context.result = result;
        asyncStart.publish(context);
        asyncEnd.publish(context);
      },
      (failure: unknown) => {
        context.error = failure;
        error.publish(context);
        asyncStart.publish(context);
        asyncEnd.publish(context);
      },
    );
    return info;
  }
}

/**
 * Wires `engine` (of `client`) to `channels`: sets the engine's packet observer and returns the
 * hook publish() calls, which the Client also tells of every engine event (engineEvent).
 */
export function instrument(channels: DiagnosticChannels, client: InstrumentedClient, engine: EngineCore): PublishTracer {
  engine.observe(new PacketObserver(channels, client));
  return new ClientTracer(channels, client);
}
