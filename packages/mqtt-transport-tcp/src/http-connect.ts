// HTTP CONNECT tunnel handshake (RFC 9110 section 9.3.6) with optional Basic proxy
// authentication (RFC 7617), over an already connected socket.

import type { Socket } from 'node:net';
import { isIP } from 'node:net';
import { MqttError } from '@x/mqtt-codec';
import { HandshakeReader } from './handshake-reader.js';

/** Longest proxy reply head we read before giving up. */
const MAX_REPLY_HEAD = 16 * 1024;

/** The tunnel httpConnectHandshake() asks the proxy for, and the proxy credentials. */
export interface HttpConnectRequest {
  /** The host name or address the proxy connects to (an IPv6 address is bracketed in the request). */
  readonly host: string;
  /** The port the proxy connects to. */
  readonly port: number;
  /** When given, sent as `Proxy-Authorization: Basic` (RFC 7617) with `password`. Defaults to none. */
  readonly username?: string | undefined;
  /** The Basic authentication password (used only with `username`). Defaults to ''. */
  readonly password?: string | undefined;
  /** Extra request headers for the proxy. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** Asks the HTTP proxy on `socket` to open a tunnel to host:port. Rejects with PROXY_ERROR. */
export async function httpConnectHandshake(socket: Socket, request: HttpConnectRequest): Promise<void> {
  const authority = `${isIP(request.host) === 6 ? `[${request.host}]` : request.host}:${request.port}`;
  const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`];
  if (request.username !== undefined) {
    const credentials = Buffer.from(`${request.username}:${request.password ?? ''}`, 'utf8').toString('base64');
    lines.push(`Proxy-Authorization: Basic ${credentials}`);
  }
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) throw new MqttError('INVALID_ARGUMENT', 'proxy header names and values must not contain CR or LF');
    lines.push(`${name}: ${value}`);
  }
  const reader = new HandshakeReader(socket);
  try {
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    const head = (await reader.readUntil('\r\n\r\n', MAX_REPLY_HEAD)).toString('latin1');
    const statusLine = head.slice(0, head.indexOf('\r\n'));
    const match = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine);
    if (match === null) throw new MqttError('PROXY_ERROR', `HTTP CONNECT: malformed proxy reply "${statusLine}"`);
    const status = Number(match[1]);
    if (status < 200 || status > 299) throw new MqttError('PROXY_ERROR', `HTTP CONNECT: the proxy refused the tunnel to ${authority}: ${status} ${match[2] ?? ''}`.trimEnd());
  } finally {
    reader.release();
  }
}
