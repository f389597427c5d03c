// MQTT over the runtime's own WebSocket (browsers, Deno, workers): no `ws`, no node:*.
// Browsers do not let a page set upgrade headers or TLS options, so those options do not exist
// here, and passing them is refused rather than silently ignored.

import { MqttError } from '@x/mqtt-codec';
import type { Transport, TransportConnection, TransportConnectOptions, TransportHandlers } from '@x/mqtt-core';
import { resolveWsUrl, subprotocolFor, type WsEndpointOptions } from './endpoint.js';
import { WebSocketConnection } from './websocket-connection.js';

/** Connect timeout used when none is given, in milliseconds. */
export const DEFAULT_CONNECT_TIMEOUT = 30_000;

/** The WebSocket constructor shape this transport needs (the WHATWG one). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocket;

export interface WsTransportOptions extends WsEndpointOptions {
  /** Milliseconds until the WebSocket opening fails with CONNECT_TIMEOUT; 0 waits forever. Defaults to 30000. */
  readonly connectTimeout?: number | undefined;
  /** Buffered bytes (WebSocket.bufferedAmount) above which write() returns false. Defaults to 16384. */
  readonly highWaterMark?: number | undefined;
  /** Milliseconds between bufferedAmount checks while waiting to drain. Defaults to 10. */
  readonly drainPollInterval?: number | undefined;
  /** The WebSocket class to use. Defaults to `globalThis.WebSocket`. */
  readonly WebSocket?: WebSocketConstructor | undefined;
}

/** Options only the Node entry can honour. */
const NODE_ONLY_OPTIONS = ['headers', 'proxy', 'bindAddress', 'bindPort', 'ca', 'cert', 'key', 'passphrase', 'secureContext', 'insecure', 'rejectUnauthorized'];

/** MQTT over the runtime's own WebSocket (browsers, Deno, workers); options only Node can honour (headers, proxy, bind address, TLS) are refused with INVALID_ARGUMENT. */
export class WsTransport implements Transport {
  readonly name: 'ws' | 'wss';
  readonly #options: WsTransportOptions;
  readonly #url: URL;

  constructor(options: WsTransportOptions) {
    const unsupported = NODE_ONLY_OPTIONS.filter((name) => (options as Record<string, unknown>)[name] !== undefined);
    if (unsupported.length > 0) throw new MqttError('INVALID_ARGUMENT', `a browser WebSocket cannot honour: ${unsupported.join(', ')}`);
    this.#options = { ...options };
    this.#url = resolveWsUrl(options);
    this.name = this.#url.protocol === 'wss:' ? 'wss' : 'ws';
  }

  connect(handlers: TransportHandlers, options: TransportConnectOptions & { protocolVersion?: 3 | 4 | 5 } = {}): Promise<TransportConnection> {
    const Constructor = this.#options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (Constructor === undefined) return Promise.reject(new MqttError('INVALID_ARGUMENT', 'no WebSocket in this runtime; pass options.WebSocket'));
    const label = this.#url.href;
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new MqttError('ABORTED', `connecting to ${label} was aborted`, { cause: signal.reason }));
    const timeout = this.#options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT;

    return new Promise<TransportConnection>((resolve, reject) => {
      const socket = new Constructor(label, subprotocolFor(options.protocolVersion));
      socket.binaryType = 'arraybuffer';
      const fail = (error: MqttError): void => {
        cleanup();
        socket.close();
        reject(error);
      };
      const onAbort = (): void => fail(new MqttError('ABORTED', `connecting to ${label} was aborted`, { cause: signal?.reason }));
      const onError = (): void => fail(new MqttError('TRANSPORT_ERROR', `${label}: the WebSocket could not be opened`));
      const onCloseEarly = (event: CloseEvent): void => fail(new MqttError('TRANSPORT_ERROR', `${label}: closed before opening (code ${event.code})`));
      const timer = timeout > 0 ? setTimeout(() => fail(new MqttError('CONNECT_TIMEOUT', `no connection to ${label} within ${timeout} ms`)), timeout) : undefined;
      const cleanup = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.removeEventListener('open', onOpen);
        socket.removeEventListener('error', onError);
        socket.removeEventListener('close', onCloseEarly);
      };
      const onOpen = (): void => {
        cleanup();
        resolve(this.#adopt(socket, handlers, label));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.addEventListener('open', onOpen);
      socket.addEventListener('error', onError);
      socket.addEventListener('close', onCloseEarly);
    });
  }

  #adopt(socket: WebSocket, handlers: TransportHandlers, label: string): WebSocketConnection {
    const connection = new WebSocketConnection(
      {
        raw: socket,
        send: (bytes) => socket.send(bytes),
        close: (code, reason) => socket.close(code, reason),
        terminate: () => socket.close(),
        bufferedAmount: () => socket.bufferedAmount,
      },
      handlers,
      { label, highWaterMark: this.#options.highWaterMark, drainPollInterval: this.#options.drainPollInterval },
    );
    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      const { data } = event;
      if (data instanceof ArrayBuffer) connection.received(new Uint8Array(data), true);
      else if (ArrayBuffer.isView(data)) connection.received(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), true);
      else connection.received(new Uint8Array(0), false);
    });
    socket.addEventListener('error', () => connection.failed(new MqttError('TRANSPORT_ERROR', `${label}: WebSocket error`)));
    socket.addEventListener('close', (event: CloseEvent) => connection.closed(event.code, event.reason));
    return connection;
  }
}

/** A WebSocket transport for `new Client({ transport })`, on the runtime's own WebSocket. */
export function wsTransport(options: WsTransportOptions): WsTransport {
  return new WsTransport(options);
}
