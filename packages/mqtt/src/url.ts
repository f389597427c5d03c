// Maps a broker URL to the transport that serves it: one pure function, no registry.
// mqtt:// -> tcp, mqtts:// (or ssl://, tls://) -> tls, ws:// -> ws, wss:// -> ws over TLS.
import { MqttError } from '@x/mqtt-codec';

export type TransportKind = 'tcp' | 'tls' | 'ws' | 'wss';

export interface BrokerAddress {
  kind: TransportKind;
  host: string;
  port: number;
  /** WebSocket path; only for ws and wss. */
  path?: string;
  username?: string;
  password?: string;
}

/** Default ports per scheme. */
export const DEFAULT_PORTS: Readonly<Record<TransportKind, number>> = { tcp: 1883, tls: 8883, ws: 80, wss: 443 };

const SCHEMES: Readonly<Record<string, TransportKind>> = {
  'mqtt:': 'tcp',
  'tcp:': 'tcp',
  'mqtts:': 'tls',
  'ssl:': 'tls',
  'tls:': 'tls',
  'ws:': 'ws',
  'wss:': 'wss',
};

/** Parses `mqtt://user:pass@host:1883`, `mqtts://...`, `ws://host:8080/mqtt`, `wss://...`. */
export function parseBrokerUrl(url: string): BrokerAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new MqttError('INVALID_ARGUMENT', `not a broker URL: ${JSON.stringify(url)}`, { cause });
  }
  const kind = SCHEMES[parsed.protocol];
  if (kind === undefined) {
    throw new MqttError('INVALID_ARGUMENT', `unsupported scheme ${parsed.protocol} (use mqtt:, mqtts:, ws: or wss:)`);
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw new MqttError('INVALID_ARGUMENT', `no host in broker URL ${JSON.stringify(url)}`);
  const address: BrokerAddress = { kind, host, port: parsed.port === '' ? DEFAULT_PORTS[kind] : Number(parsed.port) };
  if (kind === 'ws' || kind === 'wss') address.path = parsed.pathname === '' || parsed.pathname === '/' ? '/mqtt' : parsed.pathname + parsed.search;
  if (parsed.username !== '') address.username = decodeURIComponent(parsed.username);
  if (parsed.password !== '') address.password = decodeURIComponent(parsed.password);
  return address;
}
