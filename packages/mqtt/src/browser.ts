// @x/mqtt for browsers: the same Client over the browser's own WebSocket (ws:// and wss://).
// Chosen by bundlers through the "browser" export condition; imports no node:* module.
import { ClientBase } from './client.js';
import type { ClientOptions } from './client-options.js';
import type { MqttProtocol } from './constants.js';
import { bindHelpers } from './helpers.js';
import { browserPlatform } from './platform-browser.js';
import { checkClientOptions } from './validate-options.js';

/** The client. In a browser, give it a `ws://` or `wss://` URL (or transport: 'websockets'). */
export class Client<P extends MqttProtocol = MqttProtocol> extends ClientBase<P> {
  constructor(options: ClientOptions<P> = {}) {
    // Checked before the spread: spreading null or 42 would hide the mistake.
    super(browserPlatform, { transport: 'websockets', ...checkClientOptions(options) });
  }
}

// one-shot helpers (Paho's paho.mqtt.publish / paho.mqtt.subscribe)
export const { publish, subscribe } = bindHelpers(browserPlatform);

export * from './exports.js';
export { browserPlatform } from './platform-browser.js';
