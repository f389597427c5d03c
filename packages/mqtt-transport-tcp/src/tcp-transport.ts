// Plain MQTT over TCP (node:net): `mqtt://`, port 1883. Opens one socket per connect() call,
// directly or through a proxy, under a connect timeout and an AbortSignal.

import type { Transport, TransportConnection, TransportConnectOptions, TransportHandlers } from '@x/mqtt-core';
import { connectAttempt, DEFAULT_CONNECT_TIMEOUT } from './connect-attempt.js';
import { openSocket, type ProxyOptions } from './proxy.js';
import { SocketConnection } from './socket-connection.js';

/** The IANA port for MQTT over TCP. */
export const DEFAULT_MQTT_PORT = 1883;

/** Where and how a TcpTransport connects: the broker, local binding, timeout, proxy. */
export interface TcpTransportOptions {
  /** Broker host name or address. */
  readonly host: string;
  /** Defaults to 1883. */
  readonly port?: number | undefined;
  /** Local address to bind (the seed's `bind_address`). Defaults to the OS's choice. */
  readonly bindAddress?: string | undefined;
  /** Local port to bind (the seed's `bind_port`). Defaults to the OS's choice. */
  readonly bindPort?: number | undefined;
  /** Milliseconds until connecting fails with CONNECT_TIMEOUT; 0 waits forever. Defaults to 30000. */
  readonly connectTimeout?: number | undefined;
  /** Disable Nagle's algorithm (`setNoDelay`). Defaults to true. */
  readonly noDelay?: boolean | undefined;
  /** Connect through a SOCKS5 or HTTP CONNECT proxy. Defaults to none. */
  readonly proxy?: ProxyOptions | undefined;
}

/** MQTT over TCP (`mqtt://`, port 1883): each connect() opens one socket, directly or through a proxy. */
export class TcpTransport implements Transport {
  readonly name = 'tcp';
  readonly #options: TcpTransportOptions;

  constructor(options: TcpTransportOptions) {
    this.#options = { ...options };
  }

  async connect(handlers: TransportHandlers, options: TransportConnectOptions = {}): Promise<TransportConnection> {
    const { host, port = DEFAULT_MQTT_PORT, connectTimeout = DEFAULT_CONNECT_TIMEOUT } = this.#options;
    const target = `${host}:${port}`;
    const socket = await connectAttempt({ timeout: connectTimeout, signal: options.signal, target }, (attempt) =>
      openSocket({ ...this.#options, port }, attempt),
    );
    return new SocketConnection(socket, handlers, target);
  }
}

/** A TCP transport for `new Client({ transport })`. */
export function tcpTransport(options: TcpTransportOptions): TcpTransport {
  return new TcpTransport(options);
}
