// Core's TransportConnection over any WebSocket, fed by its owner: the Node entry wires `ws`
// events to it, the browser entry wires the native WebSocket's. No node:* and no `ws` here.
// Invariants: onClose exactly once; onDrain only after a write returned false.

import { MqttError } from '@x/mqtt-codec';
import type { TransportConnection, TransportHandlers } from '@x/mqtt-core';

/** Bytes buffered in the WebSocket above which write() returns false. */
export const DEFAULT_HIGH_WATER_MARK = 16 * 1024;
/** Milliseconds between bufferedAmount checks while waiting to drain. */
export const DEFAULT_DRAIN_POLL_INTERVAL = 10;

/** What the connection needs from the socket underneath. */
export interface WebSocketPort {
  /** The socket itself, returned by WebSocketConnection.raw. */
  readonly raw: unknown;
  /** Sends `bytes` as one binary message. */
  send(bytes: Uint8Array): void;
  /** Close handshake after what was sent. */
  close(code: number, reason: string): void;
  /** Drop the connection now (the browser can only close()). */
  terminate(): void;
  /** Stop / restart reading (the `ws` package can; the browser's WebSocket cannot). */
  pause?(): void;
  /** Restart reading after pause(). */
  resume?(): void;
  /** Bytes sent but not yet transmitted (WebSocket.bufferedAmount). */
  bufferedAmount(): number;
}

/** How a WebSocketConnection applies back-pressure, and its name in error messages. */
export interface WebSocketConnectionOptions {
  /** Buffered bytes above which write() returns false. Defaults to 16384 (DEFAULT_HIGH_WATER_MARK). */
  readonly highWaterMark?: number | undefined;
  /** Milliseconds between bufferedAmount checks while waiting to drain. Defaults to 10 (DEFAULT_DRAIN_POLL_INTERVAL). */
  readonly drainPollInterval?: number | undefined;
  /** For error messages, e.g. the URL. */
  readonly label: string;
}

/**
 * Core's TransportConnection over any WebSocket, fed by its owner through received(), failed()
 * and closed(). onClose is called exactly once; a text frame closes the connection with
 * PROTOCOL_ERROR [MQTT-6.0.0-1]; write() returns false above the high-water mark and onDrain
 * follows once the buffer is below it again.
 */
export class WebSocketConnection implements TransportConnection {
  readonly #port: WebSocketPort;
  readonly #handlers: TransportHandlers;
  readonly #highWaterMark: number;
  readonly #pollInterval: number;
  readonly #label: string;
  #error: MqttError | undefined;
  #closedByUs = false;
  #closed = false;
  #drainTimer: ReturnType<typeof setTimeout> | undefined;
  /** Packets written in this task, sent as one binary message when it ends [MQTT-6.0.0-2]. */
  #batch: Uint8Array[] = [];
  #batchBytes = 0;

  constructor(port: WebSocketPort, handlers: TransportHandlers, options: WebSocketConnectionOptions) {
    this.#port = port;
    this.#handlers = handlers;
    this.#highWaterMark = options.highWaterMark ?? DEFAULT_HIGH_WATER_MARK;
    this.#pollInterval = options.drainPollInterval ?? DEFAULT_DRAIN_POLL_INTERVAL;
    this.#label = options.label;
  }

  get raw(): unknown {
    return this.#port.raw;
  }

  /** Stops reading the socket until resume(), where the WebSocket underneath can (Node's `ws`); else a no-op. */
  pause(): void {
    if (!this.#closed) this.#port.pause?.();
  }

  /** Reads the socket again after pause(), where the WebSocket underneath can; else a no-op. */
  resume(): void {
    if (!this.#closed) this.#port.resume?.();
  }

  /**
   * Packets written in the same task leave as one WebSocket message, sent from a microtask: a
   * frame may carry several MQTT packets, and the receiver must not assume they align with frames
   * [MQTT-6.0.0-2]. Adjacent views of one buffer (the codec's slab) are joined without copying.
   */
  write(bytes: Uint8Array): boolean {
    if (this.#closed || this.#closedByUs) return false;
    const batch = this.#batch;
    const n = batch.length;
    const last = batch[n - 1];
    if (last === undefined) {
      batch.push(bytes);
      queueMicrotask(this.#flush);
    } else if (last.buffer === bytes.buffer && last.byteOffset + last.byteLength === bytes.byteOffset) {
      batch[n - 1] = new Uint8Array(last.buffer, last.byteOffset, last.byteLength + bytes.byteLength);
    } else {
      batch.push(bytes);
    }
    this.#batchBytes += bytes.byteLength;
    if (this.#port.bufferedAmount() + this.#batchBytes <= this.#highWaterMark) return true;
    this.#drainTimer ??= setTimeout(() => this.#pollDrain(), this.#pollInterval);
    return false;
  }

  readonly #flush = (): void => {
    const batch = this.#batch;
    if (batch.length === 0) return;
    this.#batch = [];
    const total = this.#batchBytes;
    this.#batchBytes = 0;
    if (this.#closed) return;
    if (batch.length === 1) {
      this.#port.send(batch[0] as Uint8Array);
      return;
    }
    const message = new Uint8Array(total);
    let offset = 0;
    for (const piece of batch) {
      message.set(piece, offset);
      offset += piece.byteLength;
    }
    this.#port.send(message);
  };

  end(): void {
    if (this.#closed || this.#closedByUs) return;
    this.#flush();
    this.#closedByUs = true;
    this.#port.close(1000, '');
  }

  destroy(error?: MqttError): void {
    if (this.#closed) return;
    this.#closedByUs = true;
    this.#batch = [];
    this.#batchBytes = 0;
    if (error !== undefined) this.#error = error;
    this.#port.terminate();
  }

  // Inputs from the socket's owner.

  /** A message arrived; `binary` false means a text frame. */
  received(bytes: Uint8Array, binary: boolean): void {
    if (this.#closed) return;
    if (!binary) {
      // [MQTT-6.0.0-1] a Control Packet not in a binary frame: close the Network Connection.
      this.destroy(new MqttError('PROTOCOL_ERROR', `${this.#label}: received a text frame; MQTT over WebSockets uses binary frames only`));
      return;
    }
    this.#handlers.onData(bytes);
  }

  /** The socket reported an error; onClose follows with it when the socket closes. */
  failed(error: MqttError): void {
    this.#error ??= error;
  }

  /** The socket closed (close event). */
  closed(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#drainTimer !== undefined) clearTimeout(this.#drainTimer);
    if (!this.#closedByUs) this.#error ??= new MqttError('CONNECTION_CLOSED', `${this.#label}: closed by the peer (code ${code}${reason === '' ? '' : `, ${reason}`})`);
    this.#handlers.onClose(this.#error);
  }

  #pollDrain(): void {
    this.#drainTimer = undefined;
    if (this.#closed) return;
    if (this.#port.bufferedAmount() > this.#highWaterMark) {
      this.#drainTimer = setTimeout(() => this.#pollDrain(), this.#pollInterval);
      return;
    }
    this.#handlers.onDrain();
  }
}
