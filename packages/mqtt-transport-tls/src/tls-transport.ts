// MQTT over TLS (node:tls): `mqtts://`, port 8883. A TCP socket (direct or through a proxy) is
// opened first, then TLS runs over it; the connect timeout and the AbortSignal cover both.
// Verification is on by default; `insecure` skips only the host name check.

import { connect as tlsConnect } from 'node:tls';
import type { Transport, TransportConnection, TransportConnectOptions, TransportHandlers } from '@x/mqtt-core';
import {
  connectAttempt,
  DEFAULT_CONNECT_TIMEOUT,
  openSocket,
  SocketConnection,
  toTlsConnectionOptions,
  whenConnected,
  type TcpTransportOptions,
  type TlsOptions,
} from '@x/mqtt-transport-tcp';

/** The IANA port for MQTT over TLS. */
export const DEFAULT_MQTTS_PORT = 8883;

/** Everything the tcp transport takes (port defaults to 8883 here), plus the TLS options. */
export interface TlsTransportOptions extends TcpTransportOptions, TlsOptions {}

/** MQTT over TLS (`mqtts://`, port 8883): a TCP socket (direct or through a proxy), then TLS over it, verified by default. */
export class TlsTransport implements Transport {
  readonly name = 'tls';
  readonly #options: TlsTransportOptions;

  constructor(options: TlsTransportOptions) {
    this.#options = { ...options };
  }

  async connect(handlers: TransportHandlers, options: TransportConnectOptions = {}): Promise<TransportConnection> {
    const { host, port = DEFAULT_MQTTS_PORT, connectTimeout = DEFAULT_CONNECT_TIMEOUT } = this.#options;
    const target = `${host}:${port}`;
    const socket = await connectAttempt({ timeout: connectTimeout, signal: options.signal, target }, async (attempt) => {
      const tcp = await openSocket({ ...this.#options, port }, attempt);
      const secure = tlsConnect({ ...toTlsConnectionOptions(host, this.#options), socket: tcp });
      attempt.track(secure);
      secure.pause();
      await whenConnected(secure, 'secureConnect', `TLS handshake with ${target}`);
      return secure;
    });
    return new SocketConnection(socket, handlers, `tls ${target}`);
  }
}

/** A TLS transport for `new Client({ transport })`. */
export function tlsTransport(options: TlsTransportOptions): TlsTransport {
  return new TlsTransport(options);
}
