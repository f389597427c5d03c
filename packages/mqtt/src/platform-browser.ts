// The browser platform: WebSockets only (ws:// and wss://, the browser does TLS, so every TLS
// setting is refused), through the runtime's own WebSocket or one given to the Client. No node:*,
// no `ws` and no Node TLS checks in this file's import graph.
import type { Transport } from '@x/mqtt-core';
import { wsTransport, type WebSocketConstructor } from '@x/mqtt-transport-ws/browser';
import type { TlsSettings } from './client-options.js';
import type { Platform, TransportSettings } from './platform.js';
import type { BrokerAddress } from './url.js';
import { checkObject, refused } from './validate.js';

/** A WebSocket transport for `address`, over `WebSocket` (defaults to `globalThis.WebSocket` at connect time). */
export function createBrowserTransport(address: BrokerAddress, settings: TransportSettings, WebSocket?: WebSocketConstructor): Transport {
  if (address.kind !== 'ws' && address.kind !== 'wss') {
    throw refused(`a browser can only reach a broker over WebSockets (ws:// or wss://), not ${address.kind}`);
  }
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return wsTransport({ url: `${address.kind}://${host}:${address.port}${address.path ?? settings.ws.path}`, connectTimeout: settings.connectTimeout, WebSocket });
}

/** A browser does TLS itself and lets a page set none of it: any TLS setting given is INVALID_ARGUMENT. */
export function checkBrowserTls(settings: unknown, where: string): TlsSettings {
  const given = Object.entries(checkObject(settings, `${where} settings`)).filter(([, value]) => value !== undefined).map(([name]) => name);
  if (given.length > 0) throw refused(`a browser WebSocket cannot honour TLS settings (${given.join(', ')}): call tlsSet() without settings and use wss://`);
  return {};
}

/** The browser platform over a given WebSocket class (for a runtime without a global one, or a wrapper). */
export function browserPlatformWith(WebSocket: WebSocketConstructor | undefined): Platform {
  return { createTransport: (address, settings) => createBrowserTransport(address, settings, WebSocket), checkTls: checkBrowserTls };
}

/** The browser platform over the runtime's own `globalThis.WebSocket`. */
export const browserPlatform: Platform = /* @__PURE__ */ browserPlatformWith(undefined);
