// Opens the TCP socket every Node transport starts from: directly, or through a SOCKS5 or
// HTTP CONNECT proxy. tls and ws reuse it, so a proxy works the same under every transport.

import { connect as netConnect, type Socket } from 'node:net';
import { MqttError } from '@x/mqtt-codec';
import { connectAttempt, DEFAULT_CONNECT_TIMEOUT, type Attempt } from './connect-attempt.js';
import { httpConnectHandshake } from './http-connect.js';
import { socks5Handshake } from './socks5.js';
import { whenConnected } from './when-connected.js';

/** The seed's `proxy_set`: a SOCKS5 or HTTP CONNECT proxy between the client and the broker. */
export interface ProxyOptions {
  /** `'socks5'` (RFC 1928/1929) or `'http'` (HTTP CONNECT). */
  readonly type: 'socks5' | 'http';
  /** The proxy's host name or address. */
  readonly host: string;
  /** Defaults to 1080 for socks5 and 8080 for http. */
  readonly port?: number | undefined;
  /** With `password`: SOCKS5 username/password, or HTTP Basic proxy authentication. */
  readonly username?: string | undefined;
  /** The password that goes with `username`. Defaults to ''. */
  readonly password?: string | undefined;
  /** Extra headers on the HTTP CONNECT request (http only). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** The port of a socks5 proxy when ProxyOptions.port is not given. */
export const DEFAULT_SOCKS5_PORT = 1080;
/** The port of an http (CONNECT) proxy when ProxyOptions.port is not given. */
export const DEFAULT_HTTP_PROXY_PORT = 8080;

/** Where a socket goes, and how. */
export interface SocketTarget {
  /** The host name or address to reach (through the proxy, when there is one). */
  readonly host: string;
  /** The port to reach. */
  readonly port: number;
  /** Local address to bind (the seed's `bind_address`). */
  readonly bindAddress?: string | undefined;
  /** Local port to bind (the seed's `bind_port`); 0 or undefined lets the OS choose. */
  readonly bindPort?: number | undefined;
  /** Disable Nagle's algorithm. Defaults to true. */
  readonly noDelay?: boolean | undefined;
  /** Connect through this SOCKS5 or HTTP CONNECT proxy. Defaults to none: a direct connection. */
  readonly proxy?: ProxyOptions | undefined;
}

/**
 * Opens a connected TCP socket to `target` as part of `attempt` (the socket is tracked, so a
 * timeout or abort destroys it). The socket comes back paused. Proxy failures are PROXY_ERROR.
 */
export async function openSocket(target: SocketTarget, attempt: Attempt): Promise<Socket> {
  const { proxy } = target;
  const hop = proxy === undefined ? target : { host: proxy.host, port: proxy.port ?? (proxy.type === 'socks5' ? DEFAULT_SOCKS5_PORT : DEFAULT_HTTP_PROXY_PORT) };
  const socket = netConnect({
    host: hop.host,
    port: hop.port,
    ...(target.bindAddress === undefined ? {} : { localAddress: target.bindAddress }),
    ...(target.bindPort === undefined || target.bindPort === 0 ? {} : { localPort: target.bindPort }),
  });
  attempt.track(socket);
  socket.pause();
  socket.setNoDelay(target.noDelay ?? true);
  socket.setKeepAlive(false);
  if (proxy === undefined) {
    await whenConnected(socket, 'connect', `${target.host}:${target.port}`);
    return socket;
  }
  const via = `${proxy.type} proxy ${hop.host}:${hop.port}`;
  try {
    await whenConnected(socket, 'connect', via);
    const request = { host: target.host, port: target.port, username: proxy.username, password: proxy.password };
    if (proxy.type === 'socks5') await socks5Handshake(socket, request);
    else await httpConnectHandshake(socket, { ...request, headers: proxy.headers });
  } catch (error) {
    if (error instanceof MqttError && error.code !== 'CONNECTION_CLOSED') throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new MqttError('PROXY_ERROR', `${via}: ${detail}`, { cause: error });
  }
  return socket;
}

/** The target, the proxy to reach it through, and the deadline of connectThroughProxy(). */
export interface ConnectThroughProxyOptions extends SocketTarget {
  /** The SOCKS5 or HTTP CONNECT proxy (required here). */
  readonly proxy: ProxyOptions;
  /** Milliseconds; defaults to DEFAULT_CONNECT_TIMEOUT; 0 waits forever. */
  readonly connectTimeout?: number | undefined;
  /** Aborting it rejects with ABORTED and destroys the socket. Defaults to none. */
  readonly signal?: AbortSignal | undefined;
}

/** A standalone tunnel: resolves with a paused socket already connected through the proxy to host:port. */
export function connectThroughProxy(options: ConnectThroughProxyOptions): Promise<Socket> {
  return connectAttempt(
    { timeout: options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT, signal: options.signal, target: `${options.host}:${options.port}` },
    (attempt) => openSocket(options, attempt),
  );
}
