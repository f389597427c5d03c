// The browser platform: WebSockets only (ws:// and wss://, the browser does TLS), through the
// runtime's own WebSocket or one given to the Client. No node:* and no `ws` in this file's import graph.
import { MqttError } from '@x/mqtt-codec';
import type { Transport } from '@x/mqtt-core';
import { wsTransport, type WebSocketConstructor } from '@x/mqtt-transport-ws/browser';
import type { Platform, TransportSettings } from './platform.js';
import type { BrokerAddress } from './url.js';

/** A WebSocket transport for `address`, over `WebSocket` (defaults to `globalThis.WebSocket` at connect time). */
export function createBrowserTransport(address: BrokerAddress, settings: TransportSettings, WebSocket?: WebSocketConstructor): Transport {
  if (address.kind !== 'ws' && address.kind !== 'wss') {
    throw new MqttError('INVALID_ARGUMENT', `a browser can only reach a broker over WebSockets (ws:// or wss://), not ${address.kind}`);
  }
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return wsTransport({ url: `${address.kind}://${host}:${address.port}${address.path ?? settings.ws.path}`, connectTimeout: settings.connectTimeout, WebSocket });
}

/** The browser platform over a given WebSocket class (for a runtime without a global one, or a wrapper). */
export function browserPlatformWith(WebSocket: WebSocketConstructor | undefined): Platform {
  return { createTransport: (address, settings) => createBrowserTransport(address, settings, WebSocket) };
}

/** The browser platform over the runtime's own `globalThis.WebSocket`. */
export const browserPlatform: Platform = /* @__PURE__ */ browserPlatformWith(undefined);
