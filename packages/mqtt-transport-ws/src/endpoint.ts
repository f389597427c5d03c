// Where a WebSocket connection goes and which sub-protocol it asks for. Shared by the Node and
// the browser entry, so it imports nothing from node:* and nothing from `ws`.

import { MqttError } from '@x/mqtt-codec';

/** The path brokers serve MQTT over WebSockets on (mosquitto, HiveMQ, EMQX, the seed). */
export const DEFAULT_WS_PATH = '/mqtt';

/** Either a full `ws://` / `wss://` URL, or its parts. */
export interface WsEndpointOptions {
  /** `ws://host:port/path` or `wss://...`. When set, host, port, path and secure are ignored. */
  readonly url?: string | undefined;
  /** Broker host name or address (when no `url`). */
  readonly host?: string | undefined;
  /** Defaults to 80 for ws and 443 for wss. */
  readonly port?: number | undefined;
  /** Defaults to `/mqtt`. */
  readonly path?: string | undefined;
  /** wss:// instead of ws://. Defaults to false. */
  readonly secure?: boolean | undefined;
}

/** The URL to open; INVALID_ARGUMENT when neither a ws(s) URL nor a host is given. */
export function resolveWsUrl(options: WsEndpointOptions): URL {
  if (options.url !== undefined) {
    let url: URL;
    try {
      url = new URL(options.url);
    } catch (error) {
      throw new MqttError('INVALID_ARGUMENT', `not a URL: ${options.url}`, { cause: error });
    }
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new MqttError('INVALID_ARGUMENT', `a WebSocket URL must start with ws:// or wss://, not ${url.protocol}//`);
    return url;
  }
  if (options.host === undefined || options.host === '') throw new MqttError('INVALID_ARGUMENT', 'a WebSocket transport needs a url or a host');
  const host = options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;
  const path = options.path ?? DEFAULT_WS_PATH;
  const url = new URL(`${options.secure === true ? 'wss' : 'ws'}://${host}`);
  if (options.port !== undefined) url.port = String(options.port);
  url.pathname = path.startsWith('/') ? path : `/${path}`;
  return url;
}

/** `mqttv3.1` for MQTT 3.1 (protocol level 3), `mqtt` for 3.1.1 and 5.0. */
export function subprotocolFor(protocolVersion: 3 | 4 | 5 | undefined): 'mqtt' | 'mqttv3.1' {
  return protocolVersion === 3 ? 'mqttv3.1' : 'mqtt';
}
