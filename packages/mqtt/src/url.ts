// Maps a broker URL to the transport that serves it: one pure function, no registry.
// mqtt:// -> tcp, mqtts:// (or ssl://, tls://) -> tls, ws:// -> ws, wss:// -> ws over TLS.
// An error never shows the URL's user:password (issue 11.11), as log lines never do.
import { MqttError } from '@x/mqtt-codec';
import { refused } from './validate.js';

/** The transport a broker address is reached with: mqtt:// is tcp, mqtts:// tls, ws:// ws, wss:// ws over TLS. */
export type TransportKind = 'tcp' | 'tls' | 'ws' | 'wss';

/** A broker as parseBrokerUrl() reads it from a URL (or the client builds it from host and port). */
export interface BrokerAddress {
  /** Which transport serves it. */
  kind: TransportKind;
  /** Host name or address (an IPv6 address without its brackets). */
  host: string;
  /** The URL's port, or the scheme's default (DEFAULT_PORTS: 1883, 8883, 80, 443). */
  port: number;
  /** WebSocket path; only for ws and wss. */
  path?: string;
  /** The URL's user name, %-decoded; only when the URL has one. */
  username?: string;
  /** The URL's password, %-decoded; only when the URL has one. */
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

/**
 * `url` fit for an error message: everything between `scheme://` and the last `@` of the
 * authority is hidden. It errs on the side of hiding: in a URL too broken to parse, a password may
 * hold `/` or `@`, so for those everything up to the last `@` of the whole string goes.
 */
export function redactUrl(url: string): string {
  const start = url.indexOf('://');
  if (start < 0) return url.includes('@') ? `***@${url.slice(url.lastIndexOf('@') + 1)}` : url;
  const rest = url.slice(start + 3);
  const at = rest.lastIndexOf('@');
  return at < 0 ? url : `${url.slice(0, start + 3)}***@${rest.slice(at + 1)}`;
}

function invalidUrl(message: string, url: string): MqttError {
  // No `cause`: node's URL error carries the whole input (password included) in its `input` field.
  return refused(`${message}: ${JSON.stringify(redactUrl(url))}`);
}

function decode(part: string, what: string, url: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw invalidUrl(`broken %-escape in the ${what} of broker URL`, url);
  }
}

/** Parses `mqtt://user:pass@host:1883`, `mqtts://...`, `ws://host:8080/mqtt`, `wss://...`. */
export function parseBrokerUrl(url: string): BrokerAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidUrl('not a broker URL', url);
  }
  const kind = SCHEMES[parsed.protocol];
  if (kind === undefined) {
    throw refused(`unsupported scheme ${parsed.protocol} (use mqtt:, mqtts:, ws: or wss:)`);
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw invalidUrl('no host in broker URL', url);
  const port = parsed.port === '' ? DEFAULT_PORTS[kind] : Number(parsed.port);
  if (port < 1 || port > 65535) throw invalidUrl('the port must be in 1..65535 in broker URL', url);
  const address: BrokerAddress = { kind, host, port };
  if (kind === 'ws' || kind === 'wss') address.path = parsed.pathname === '' || parsed.pathname === '/' ? '/mqtt' : parsed.pathname + parsed.search;
  if (parsed.username !== '') address.username = decode(parsed.username, 'user name', url);
  if (parsed.password !== '') address.password = decode(parsed.password, 'password', url);
  return address;
}
