// @x/mqtt-helpers: one-shot helpers, as Paho's paho.mqtt.publish and paho.mqtt.subscribe modules.
// Transport-agnostic: the caller passes `createTransport` (the @x/mqtt facade passes its own).

// publish.single / publish.multiple
import { single, multiple } from './publish.js';
// subscribe.simple / subscribe.callback
import { simple, callback } from './subscribe.js';

export const publish = { single, multiple } as const;
export const subscribe = { simple, callback } as const;
export type { HelperMessage, Payload } from './publish.js';
export type { SubscribeHelperOptions, HelperClient } from './subscribe.js';
export type { HelperOptions, HelperTarget } from './options.js';
export { helperEngine, DEFAULT_HELPER_TIMEOUT_MS, HELPER_RECONNECT_DELAY } from './options.js';
// the connection of one helper call: connect, recover from losses, disconnect
export { runHelper, isLoss } from './run.js';
export type { HelperRun } from './run.js';
