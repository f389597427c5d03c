// MQTT over WebSockets in Node (`ws://`, `wss://`) with the `ws` package. The TCP socket comes
// from @x/mqtt-transport-tcp (so bind address, proxies, timeout and abort behave as in tcp and
// tls), TLS is applied with the shared TLS options, and `ws` runs the upgrade over that socket.

import { connect as tlsConnect } from 'node:tls';
import WebSocket from 'ws';
import { MqttError } from '@x/mqtt-codec';
import type { Transport, TransportConnection, TransportConnectOptions, TransportHandlers } from '@x/mqtt-core';
import {
  connectAttempt,
  DEFAULT_CONNECT_TIMEOUT,
  openSocket,
  socketError,
  toTlsConnectionOptions,
  type TcpTransportOptions,
  type TlsOptions,
} from '@x/mqtt-transport-tcp';
import { resolveWsUrl, subprotocolFor, type WsEndpointOptions } from './endpoint.js';
import { upgradeRequest, type WsHeadersOption } from './headers.js';
import { WebSocketConnection } from './websocket-connection.js';

/** The socket options are the tcp transport's (bind address, proxy, timeout, noDelay); the timeout covers TCP, TLS and the upgrade. */
export interface WsTransportOptions extends WsEndpointOptions, TlsOptions, Omit<TcpTransportOptions, 'host' | 'port'> {
  /** Extra upgrade-request headers: an object, or a function of the default headers. Defaults to none. */
  readonly headers?: WsHeadersOption | undefined;
  /** Buffered bytes above which write() returns false. Defaults to 16384. */
  readonly highWaterMark?: number | undefined;
  /** Milliseconds between buffer checks while waiting to drain. Defaults to 10. */
  readonly drainPollInterval?: number | undefined;
}

/** MQTT over WebSockets in Node (`ws://`, `wss://`) with the `ws` package, over a socket from @x/mqtt-transport-tcp (so bind address, proxy, timeout and abort work as in tcp). */
export class WsTransport implements Transport {
  readonly name: 'ws' | 'wss';
  readonly #options: WsTransportOptions;
  readonly #url: URL;

  constructor(options: WsTransportOptions) {
    this.#options = { ...options };
    this.#url = resolveWsUrl(options);
    this.name = this.#url.protocol === 'wss:' ? 'wss' : 'ws';
  }

  async connect(handlers: TransportHandlers, options: TransportConnectOptions & { protocolVersion?: 3 | 4 | 5 } = {}): Promise<TransportConnection> {
    const url = this.#url;
    const secure = this.name === 'wss';
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
    const request = upgradeRequest(this.#options.headers, url.host, subprotocolFor(options.protocolVersion));
    const label = url.href;
    const { connectTimeout = DEFAULT_CONNECT_TIMEOUT } = this.#options;
    const ws = await connectAttempt({ timeout: connectTimeout, signal: options.signal, target: label }, async (attempt) => {
      const tcp = await openSocket({ ...this.#options, host, port }, attempt);
      const socket = secure ? tlsConnect({ ...toTlsConnectionOptions(host, this.#options), socket: tcp }) : tcp;
      attempt.track(socket);
      tcp.resume();
      const ws = new WebSocket(url, request.protocols, {
        headers: request.headers,
        perMessageDeflate: false,
        followRedirects: false,
        createConnection: () => socket,
      });
      attempt.track({ destroy: () => ws.terminate() });
      await whenOpen(ws, label);
      return ws;
    });
    const connection = new WebSocketConnection(
      {
        raw: ws,
        send: (bytes) => ws.send(bytes, { binary: true }),
        close: (code, reason) => ws.close(code, reason),
        terminate: () => ws.terminate(),
        bufferedAmount: () => ws.bufferedAmount,
        pause: () => ws.pause(),
        resume: () => ws.resume(),
      },
      handlers,
      { label, highWaterMark: this.#options.highWaterMark, drainPollInterval: this.#options.drainPollInterval },
    );
    ws.on('message', (data, isBinary) => connection.received(toBytes(data), isBinary));
    ws.on('error', (error) => connection.failed(socketError(error, label)));
    ws.on('close', (code, reason) => connection.closed(code, reason.toString('utf8')));
    return connection;
  }
}

/** A WebSocket transport for `new Client({ transport })`. */
export function wsTransport(options: WsTransportOptions): WsTransport {
  return new WsTransport(options);
}

function whenOpen(ws: WebSocket, label: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (): void => {
      ws.off('open', onOpen);
      ws.off('error', onError);
      ws.off('close', onClose);
    };
    const onOpen = (): void => {
      done();
      resolve();
    };
    const onError = (error: Error): void => {
      done();
      ws.on('error', () => undefined);
      reject(error);
    };
    const onClose = (code: number): void => {
      done();
      reject(new MqttError('CONNECTION_CLOSED', `${label}: closed during the WebSocket handshake (code ${code})`));
    };
    ws.on('open', onOpen);
    ws.on('error', onError);
    ws.on('close', onClose);
  });
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
