// The seed's publish.single/multiple and subscribe.simple/callback, bound to a platform's
// transports (so `hostname`, `port`, `tls` and `transport` just work) and returning MqttMessage.
// bindPublish and bindSubscribe are separate, side-effect-free calls: a bundle that imports
// neither helper leaves both (and @x/mqtt-helpers) out.
// subscribe.callback hands its callback a client with the Client's publish signature.
import { publish as rawPublish, subscribe as rawSubscribe, type HelperClient, type HelperMessage, type HelperOptions, type HelperTarget, type Payload, type SubscribeHelperOptions } from '@x/mqtt-helpers';
import type { InboundMessage } from '@x/mqtt-core';
import type { QoS, Properties } from '@x/mqtt-codec';
import type { TlsSettings } from './client-options.js';
import { MessageInfo, MqttMessage } from './message.js';
import { toPayload, type PayloadInput } from './payload.js';
import type { Platform } from './platform.js';
import { DEFAULT_PORTS } from './url.js';

/** Helper options without `createTransport`: the platform provides it. */
export type OneShotOptions = Omit<HelperOptions<TlsSettings>, 'createTransport'>;

function transportFactory(platform: Platform) {
  return (target: HelperTarget<TlsSettings>) => {
    const secure = target.tls !== undefined;
    const kind = target.transport === 'websockets' ? (secure ? 'wss' : 'ws') : secure ? 'tls' : 'tcp';
    return platform.createTransport(
      { kind, host: target.hostname, port: target.port ?? DEFAULT_PORTS[kind], ...(kind === 'ws' || kind === 'wss' ? { path: '/mqtt' } : {}) },
      { bindAddress: undefined, connectTimeout: 30_000, tls: target.tls, ws: { path: '/mqtt', headers: undefined }, proxy: undefined },
    );
  };
}

function toMessage(m: InboundMessage): MqttMessage {
  return new MqttMessage({ topic: m.topic, payload: m.payload, qos: m.qos, retain: m.retain, dup: m.dup, mid: m.packetId ?? 0, ...(m.properties ? { properties: m.properties } : {}) });
}

/**
 * The client subscribe.callback hands its callback, as Paho hands its client: `publish` has the
 * Client's signature and returns a MessageInfo (`client.publish('reply', 'pong', 2)` is QoS 2);
 * `disconnect()` ends the callback loop (the helper's Promise resolves once what was published
 * is acknowledged).
 */
export interface CallbackClient {
  /** Publishes on the helper's connection (qos defaults to 0, retain to false); the MessageInfo tracks it. */
  publish(topic: string, payload?: PayloadInput, qos?: QoS, retain?: boolean, properties?: Properties): MessageInfo;
  /** Ends subscribe.callback: its Promise resolves once what was published is acknowledged. */
  disconnect(): void;
}

function callbackClient(helper: HelperClient): CallbackClient {
  return {
    publish: (topic, payload, qos = 0, retain = false, properties) => new MessageInfo(helper.publish(topic, toPayload(payload), qos, retain, properties)),
    disconnect: () => helper.disconnect(),
  };
}

/** The options of subscribe.simple: the helper options (without `createTransport`, the platform provides it) and `retained`. */
export type SimpleOptions = Omit<SubscribeHelperOptions<TlsSettings>, 'createTransport'> & {
  /** Count and return retained messages too. Defaults to false: retained messages are skipped. */
  retained?: boolean;
};

/** subscribe.simple, typed by msgCount: one message by default, an array when msgCount is given. */
export interface SubscribeSimple {
  (topics: string | readonly string[], options?: SimpleOptions & { msgCount?: 1 }): Promise<MqttMessage>;
  (topics: string | readonly string[], options: SimpleOptions & { msgCount: number }): Promise<MqttMessage | MqttMessage[]>;
}

function subscribeSimple(createTransport: ReturnType<typeof transportFactory>): SubscribeSimple {
  return (async (topics: string | readonly string[], options: SimpleOptions & { msgCount?: number } = {}) => {
    const result = await rawSubscribe.simple(topics, { ...options, createTransport });
    return Array.isArray(result) ? result.map(toMessage) : toMessage(result as InboundMessage);
  }) as SubscribeSimple;
}

/** Paho's publish.single and publish.multiple over `platform`'s transports. A separate call from
 * bindSubscribe (and free of side effects) so that a bundle importing neither drops both. */
export function bindPublish(platform: Platform) {
  const createTransport = transportFactory(platform);
  return {
    /** Publishes one message and disconnects. Resolves once it is published. */
    single: (topic: string, payload?: Payload, options: OneShotOptions & { qos?: QoS; retain?: boolean; publishProperties?: Properties } = {}) =>
      rawPublish.single(topic, payload, { ...options, createTransport }),
    /** Publishes messages (objects or [topic, payload, qos, retain] tuples) in order, then disconnects. */
    multiple: (messages: readonly HelperMessage[], options: OneShotOptions = {}) => rawPublish.multiple(messages, { ...options, createTransport }),
  };
}

/** Paho's subscribe.simple and subscribe.callback over `platform`'s transports. */
export function bindSubscribe(platform: Platform) {
  const createTransport = transportFactory(platform);
  return {
    /** Resolves with one message, or `msgCount` messages as an array. */
    simple: subscribeSimple(createTransport),
    /** Calls `callback(client, userdata, message)` for each message until `signal` aborts or the callback calls `client.disconnect()`. */
    callback: (
      callback: (client: CallbackClient, userdata: unknown, message: MqttMessage) => void,
      topics: string | readonly string[],
      options: Omit<SubscribeHelperOptions<TlsSettings>, 'createTransport'> & { userdata?: unknown } = {},
    ) => {
      let client: CallbackClient | undefined;
      return rawSubscribe.callback((helper, userdata, m) => callback((client ??= callbackClient(helper)), userdata, toMessage(m)), topics, { ...options, createTransport });
    },
  };
}
