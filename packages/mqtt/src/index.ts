// @x/mqtt: the MQTT client for Node.js (this entry) and browsers (browser.ts): Paho's API in
// TypeScript plus MQTT 5, Promises, AbortSignal and async iteration. Transports tcp/tls/ws built in.
import { ClientBase } from './client.js';
import type { ClientOptions } from './client-options.js';
import type { MqttProtocol } from './constants.js';
import { bindPublish, bindSubscribe } from './helpers.js';
import { nodePlatform } from './platform-node.js';

/** The client. `new Client({ clientId, cleanSession, userdata, protocol, transport })`, as Paho's. */
export class Client<P extends MqttProtocol = MqttProtocol> extends ClientBase<P> {
  constructor(options: ClientOptions<P> = {}) {
    super(nodePlatform, options);
  }
}

// one-shot helpers (Paho's paho.mqtt.publish / paho.mqtt.subscribe)
// (each a pure call, so that a bundle that imports neither helper drops the helpers' code)
/** Paho's one-shot publish helpers (publish.single, publish.multiple) over the Node transports. */
export const publish = /* @__PURE__ */ bindPublish(nodePlatform);
/** Paho's one-shot subscribe helpers (subscribe.simple, subscribe.callback) over the Node transports. */
export const subscribe = /* @__PURE__ */ bindSubscribe(nodePlatform);

export * from './exports.js';

// a durable session store (Node only): QoS 1/2 state survives a restart
export { FileSessionStore } from '@x/mqtt-store-file';
export type { FileSessionStoreOptions, CorruptionReport } from '@x/mqtt-store-file';
export { nodePlatform } from './platform-node.js';

// diagnostics (Node only): the node:diagnostics_channel names every Client publishes on
export { MQTT_CHANNELS } from './diagnostics.js';
