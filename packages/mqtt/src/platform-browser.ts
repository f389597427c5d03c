// The browser platform: WebSockets only (ws:// and wss://, the browser does TLS), through the
// runtime's own WebSocket. No node:* and no `ws` in this file's import graph.
import { MqttError } from '@x/mqtt-codec';
import type { Transport } from '@x/mqtt-core';
import { wsTransport } from '@x/mqtt-transport-ws/browser';
import type { Platform, TransportSettings } from './platform.js';
import type { BrokerAddress } from './url.js';

export function createBrowserTransport(address: BrokerAddress, settings: TransportSettings): Transport {
  if (address.kind !== 'ws' && address.kind !== 'wss') {
    throw new MqttError('INVALID_ARGUMENT', `a browser can only reach a broker over WebSockets (ws:// or wss://), not ${address.kind}`);
  }
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return wsTransport({ url: `${address.kind}://${host}:${address.port}${address.path ?? settings.ws.path}`, connectTimeout: settings.connectTimeout });
}

export const browserPlatform: Platform = { createTransport: createBrowserTransport };
