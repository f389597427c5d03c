// The small interface every transport package implements (tcp, tls, ws, or your own).
// A Transport opens one connection per `connect` call; the client calls it again to reconnect.

import type { MqttError } from '@x/mqtt-codec';

/** What a connection reports back. Each handler is called on the runtime's event loop. */
export interface TransportHandlers {
  /** Bytes arrived. The view may be reused after the call returns only if the transport says so; core copies what it keeps. */
  onData(bytes: Uint8Array): void;
  /** A write that returned false has been flushed; writing may resume. */
  onDrain(): void;
  /** The connection is gone, cleanly (no error) or not. Called exactly once. */
  onClose(error?: MqttError): void;
}

/** One open connection. */
export interface TransportConnection {
  /** Queue bytes for sending. Returns false when the OS buffer is full: wait for onDrain. */
  write(bytes: Uint8Array): boolean;
  /** Close after flushing what was written. onClose follows. */
  end(): void;
  /** Close at once. onClose follows. */
  destroy(error?: MqttError): void;
  /**
   * Optional flow control: stop delivering onData (and reading the socket, so the peer's flow
   * control holds the rest) until resume(). Both are idempotent. A transport that cannot pause
   * (the browser's WebSocket) leaves them out.
   */
  pause?(): void;
  /** Delivers onData again after pause(). */
  resume?(): void;
  /**
   * Optional, for external event loops: delivers what a paused connection holds right now through
   * onData, before returning, and returns how many bytes that was (0 when nothing waited).
   */
  read?(): number;
  /** The underlying socket (net.Socket, tls.TLSSocket, WebSocket), for callers that need it. */
  readonly raw?: unknown;
}

/** Options of Transport.connect. */
export interface TransportConnectOptions {
  /** Aborts a connection attempt in progress. */
  signal?: AbortSignal;
}

/** Opens connections to one broker address: one per connect() call (the client calls it again to reconnect). */
export interface Transport {
  /** 'tcp', 'tls', 'ws', 'wss', or your own name. */
  readonly name: string;
  /** WebSocket sub-protocol hints and similar depend on the MQTT version. */
  connect(handlers: TransportHandlers, options?: TransportConnectOptions & { protocolVersion?: 3 | 4 | 5 }): Promise<TransportConnection>;
}
