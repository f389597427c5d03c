// @x/mqtt-helpers: one-shot helpers, as Paho's paho.mqtt.publish and paho.mqtt.subscribe modules.
// Transport-agnostic: the caller passes `createTransport` (the @x/mqtt facade passes its own).

// publish.single / publish.multiple
import { single, multiple } from './publish.js';
// subscribe.simple / subscribe.callback
import { simple, callback } from './subscribe.js';

/** Paho's paho.mqtt.publish: connect, publish, wait until acknowledged, disconnect. */
export const publish = {
  /** Publishes one message, then disconnects. */
  single,
  /** Publishes every message in order on one connection, then disconnects. */
  multiple,
} as const;
/** Paho's paho.mqtt.subscribe: subscribe, take messages, disconnect. */
export const subscribe = {
  /** Waits for `msgCount` messages (default 1) and returns one message, or an array when msgCount > 1. */
  simple,
  /** Calls `callback(client, userdata, message)` for every message until `signal` aborts or the callback calls `client.disconnect()`. */
  callback,
} as const;
export type { HelperMessage, Payload } from './publish.js';
export type { SubscribeHelperOptions, HelperClient } from './subscribe.js';
export type { HelperOptions, HelperTarget } from './options.js';
export { helperEngine, DEFAULT_HELPER_TIMEOUT_MS, HELPER_RECONNECT_DELAY } from './options.js';
// the connection of one helper call: connect, recover from losses, disconnect
export { runHelper, isLoss } from './run.js';
export type { HelperRun } from './run.js';
// SCRAM-SHA-256 / SCRAM-SHA-1 for MQTT 5 enhanced authentication and re-authentication
export { scramAuthenticator, DEFAULT_SCRAM_MIN_ITERATIONS } from './scram.js';
export type { ScramOptions, ScramHash } from './scram.js';
