// Feeds a Client's diagnostic channels: engine events and packets become the MQTT_CHANNELS
// messages, and publish() runs inside the `x-mqtt:publish` TracingChannel events. Invariant: no
// message object is built, and no promise watched, while its channel has no subscriber.
import type { QoS, Properties, Packet } from '@x/mqtt-codec';
import type { EngineCore, EngineObserver } from '@x/mqtt-core';
import type { DiagnosticChannels, PacketDiagnostic, PublishDiagnostic } from './diagnostics.js';
import type { MessageInfo } from './message.js';

/** What the Client asks of its publish() hook. */
export interface PublishTracer {
  /** True while the `x-mqtt:publish` TracingChannel has a subscriber: only then is run() called. */
  readonly active: boolean;
  /** Runs `send` inside the publish events; `send` gets the properties a `start` subscriber left. */
  run(topic: string, bytes: Uint8Array, qos: QoS, retain: boolean, properties: Properties | undefined, send: PublishSend): MessageInfo;
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

/** Wires `engine` (of `client`) to `channels`; returns the hook publish() calls. */
export function instrument(channels: DiagnosticChannels, client: InstrumentedClient, engine: EngineCore): PublishTracer {
  const { connect, disconnect, packetSend, packetReceive, message } = channels;
  const observer: EngineObserver = {
    get active() {
      return packetSend.hasSubscribers || packetReceive.hasSubscribers;
    },
    packetSent(packet, byteLength) {
      if (packetSend.hasSubscribers) packetSend.publish(packetMessage(client, packet, byteLength));
    },
    packetReceived(packet) {
      if (packetReceive.hasSubscribers) packetReceive.publish(packetMessage(client, packet, undefined));
    },
  };
  engine.observe(observer);
  engine.on('connect', (c) => {
    if (connect.hasSubscribers) connect.publish({ client, server: client.stats().server, reasonCode: c.reasonCode, sessionPresent: c.sessionPresent, properties: c.properties });
  });
  engine.on('disconnect', (d) => {
    if (disconnect.hasSubscribers) disconnect.publish({ client, error: d.error, reasonCode: d.reasonCode, properties: d.properties });
  });
  engine.on('message', (m) => {
    if (message.hasSubscribers) {
      message.publish({ client, topic: m.topic, qos: m.qos, packetId: m.packetId, retain: m.retain, dup: m.dup, byteLength: m.payload.length, properties: m.properties });
    }
  });
  const { start, end, asyncStart, asyncEnd, error } = channels.publish;
  return {
    get active() {
      return start.hasSubscribers || end.hasSubscribers || asyncStart.hasSubscribers || asyncEnd.hasSubscribers || error.hasSubscribers;
    },
    run(topic, bytes, qos, retain, properties, send) {
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
    },
  };
}
