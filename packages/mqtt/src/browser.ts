// @x/mqtt for browsers: the same Client over the browser's own WebSocket (ws:// and wss://), or
// over a WebSocket class given in the options. Chosen by bundlers through the "browser" export
// condition; imports no node:* module. A browser does TLS itself: TLS settings it cannot honour
// are refused with INVALID_ARGUMENT, never silently ignored.
import type { WebSocketConstructor } from '@x/mqtt-transport-ws/browser';
import { ClientBase } from './client.js';
import type { ClientOptions, TlsSettings } from './client-options.js';
import type { MqttProtocol } from './constants.js';
import { bindPublish, bindSubscribe } from './helpers.js';
import { browserPlatform, browserPlatformWith } from './platform-browser.js';
import { checkObject, refused } from './validate.js';
import { checkClientOptions } from './validate-options.js';

/** The browser Client's options: the Client's, plus the WebSocket class to connect with. */
export interface BrowserClientOptions<P extends MqttProtocol = MqttProtocol> extends ClientOptions<P> {
  /**
   * The WebSocket class (WHATWG shape) to connect with, for a runtime without a global
   * `WebSocket` (Node.js 20, some workers) or to wrap the native one. Defaults to `globalThis.WebSocket`.
   */
  readonly WebSocket?: WebSocketConstructor | undefined;
}

/**
 * The client. In a browser, give it a `ws://` or `wss://` URL (or `transport: 'websockets'`; after
 * `tlsSet()`, `connect(host, port)` uses wss://).
 */
export class Client<P extends MqttProtocol = MqttProtocol> extends ClientBase<P> {
  constructor(options: BrowserClientOptions<P> = {}) {
    // Checked before the spread: spreading null or 42 would hide the mistake.
    const { WebSocket, ...clientOptions } = checkObject(options, 'Client options') as BrowserClientOptions<P>;
    super(WebSocket === undefined ? browserPlatform : browserPlatformWith(WebSocket), { transport: 'websockets', ...checkClientOptions(clientOptions) });
  }

  /**
   * Makes `connect(host, port)` use wss://. The browser verifies the broker with its own CAs and
   * lets a page set no TLS option: any setting given (`ca`, `cert`, `key`, `ciphers`, ...) is
   * refused with INVALID_ARGUMENT.
   */
  override tlsSet(settings: TlsSettings = {}): void {
    // the browser platform's checkTls refuses every setting (the constructor's `tls` too)
    super.tlsSet(settings);
  }

  /** Refused with INVALID_ARGUMENT: a browser has no `SecureContext`. */
  override tlsSetContext(_context: unknown): never {
    throw refused('a browser WebSocket cannot use a TLS SecureContext: call tlsSet() and use wss://');
  }

  /** `tlsInsecureSet(true)` is refused with INVALID_ARGUMENT: a browser always checks the broker's host name. */
  override tlsInsecureSet(value: boolean): void {
    if (value) throw refused('a browser WebSocket always checks the host name: tlsInsecureSet(true) cannot be honoured');
    super.tlsInsecureSet(false);
  }
}

// one-shot helpers (Paho's paho.mqtt.publish / paho.mqtt.subscribe)
// (each a pure call, so that a bundle that imports neither helper drops the helpers' code)
/** Paho's one-shot publish helpers (publish.single, publish.multiple) over the browser's WebSocket. */
export const publish = /* @__PURE__ */ bindPublish(browserPlatform);
/** Paho's one-shot subscribe helpers (subscribe.simple, subscribe.callback) over the browser's WebSocket. */
export const subscribe = /* @__PURE__ */ bindSubscribe(browserPlatform);

export * from './exports.js';
export { browserPlatform, browserPlatformWith } from './platform-browser.js';
export type { WebSocketConstructor } from '@x/mqtt-transport-ws/browser';
