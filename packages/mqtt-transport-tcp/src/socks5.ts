// SOCKS5 client handshake (RFC 1928) with no authentication or username/password (RFC 1929),
// over an already connected socket. The proxy resolves the host name (ATYP 0x03), so DNS
// happens on the proxy's side as with curl's socks5h.

import type { Socket } from 'node:net';
import { isIP } from 'node:net';
import { MqttError } from '@x/mqtt-codec';
import { HandshakeReader } from './handshake-reader.js';

const VERSION = 0x05;
const METHOD_NO_AUTH = 0x00;
const METHOD_USERNAME_PASSWORD = 0x02;
const METHOD_NONE_ACCEPTABLE = 0xff;
const COMMAND_CONNECT = 0x01;
const ATYP_IPV4 = 0x01;
const ATYP_DOMAIN = 0x03;
const ATYP_IPV6 = 0x04;

/** RFC 1928 section 6 reply codes. */
const REPLY_MESSAGES: Readonly<Record<number, string>> = {
  0x01: 'general SOCKS server failure',
  0x02: 'connection not allowed by ruleset',
  0x03: 'network unreachable',
  0x04: 'host unreachable',
  0x05: 'connection refused',
  0x06: 'TTL expired',
  0x07: 'command not supported',
  0x08: 'address type not supported',
};

/** The connection socks5Handshake() asks the proxy for, and the proxy credentials. */
export interface Socks5Request {
  /** An IPv4 or IPv6 address, or a host name the proxy resolves (at most 255 bytes). */
  readonly host: string;
  /** The port the proxy connects to. */
  readonly port: number;
  /** When given, username/password authentication (RFC 1929) is offered, at most 255 bytes. Defaults to none. */
  readonly username?: string | undefined;
  /** The RFC 1929 password (used only with `username`), at most 255 bytes. Defaults to ''. */
  readonly password?: string | undefined;
}

/** Asks the SOCKS5 proxy on `socket` to connect to host:port. Rejects with PROXY_ERROR. */
export async function socks5Handshake(socket: Socket, request: Socks5Request): Promise<void> {
  const reader = new HandshakeReader(socket);
  try {
    const withAuth = request.username !== undefined;
    socket.write(Buffer.from(withAuth ? [VERSION, 2, METHOD_NO_AUTH, METHOD_USERNAME_PASSWORD] : [VERSION, 1, METHOD_NO_AUTH]));
    const [version, method] = await reader.read(2);
    if (version !== VERSION) throw proxyError(`not a SOCKS5 proxy (version byte ${version})`);
    if (method === METHOD_USERNAME_PASSWORD && withAuth) await authenticate(socket, reader, request.username ?? '', request.password ?? '');
    else if (method === METHOD_NONE_ACCEPTABLE) throw proxyError(withAuth ? 'the proxy accepted no offered authentication method' : 'the proxy requires authentication');
    else if (method !== METHOD_NO_AUTH) throw proxyError(`the proxy chose an authentication method that was not offered (${method})`);

    socket.write(Buffer.concat([Buffer.from([VERSION, COMMAND_CONNECT, 0x00]), encodeAddress(request.host), portBytes(request.port)]));
    const [replyVersion, reply, , addressType] = await reader.read(4);
    if (replyVersion !== VERSION) throw proxyError(`malformed SOCKS5 reply (version byte ${replyVersion})`);
    if (reply !== 0x00) throw proxyError(`the proxy refused to connect to ${request.host}:${request.port}: ${REPLY_MESSAGES[reply ?? 0x01] ?? `reply ${reply}`}`);
    const addressLength = addressType === ATYP_IPV4 ? 4 : addressType === ATYP_IPV6 ? 16 : addressType === ATYP_DOMAIN ? (await reader.read(1))[0] ?? 0 : -1;
    if (addressLength < 0) throw proxyError(`malformed SOCKS5 reply (address type ${addressType})`);
    await reader.read(addressLength + 2);
  } finally {
    reader.release();
  }
}

async function authenticate(socket: Socket, reader: HandshakeReader, username: string, password: string): Promise<void> {
  const user = Buffer.from(username, 'utf8');
  const pass = Buffer.from(password, 'utf8');
  if (user.length > 255 || pass.length > 255) throw new MqttError('INVALID_ARGUMENT', 'SOCKS5 username and password must be at most 255 bytes each');
  socket.write(Buffer.concat([Buffer.from([0x01, user.length]), user, Buffer.from([pass.length]), pass]));
  const [, status] = await reader.read(2);
  if (status !== 0x00) throw proxyError('the proxy rejected the username or password');
}

function encodeAddress(host: string): Buffer {
  const family = isIP(host);
  if (family === 4) return Buffer.from([ATYP_IPV4, ...host.split('.').map(Number)]);
  if (family === 6) return Buffer.concat([Buffer.from([ATYP_IPV6]), ipv6Bytes(host)]);
  const name = Buffer.from(host, 'utf8');
  if (name.length > 255) throw new MqttError('INVALID_ARGUMENT', 'host name too long for SOCKS5');
  return Buffer.concat([Buffer.from([ATYP_DOMAIN, name.length]), name]);
}

function ipv6Bytes(address: string): Buffer {
  const [head = '', tail] = address.split('::');
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const bytes = Buffer.alloc(16);
  all.forEach((group, i) => bytes.writeUInt16BE(Number.parseInt(group, 16), i * 2));
  return bytes;
}

function portBytes(port: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(port);
  return bytes;
}

function proxyError(message: string): MqttError {
  return new MqttError('PROXY_ERROR', `SOCKS5: ${message}`);
}
