// Adapts a connected net.Socket (or tls.TLSSocket) to core's TransportConnection.
// Invariants: onClose is called exactly once; onDrain only after a write returned false; a
// paused socket is read only by read() (an external event loop's loop_read).

import type { Socket } from 'node:net';
import { MqttError } from '@x/mqtt-codec';
import type { TransportConnection, TransportHandlers } from '@x/mqtt-core';
import { socketError } from './socket-error.js';

/** Milliseconds `end()` waits for the peer to close before the socket is destroyed. */
export const END_GRACE_PERIOD = 2_000;

/**
 * Core's TransportConnection over a connected net.Socket or tls.TLSSocket: the tcp, tls and ws
 * transports hand theirs to it. It calls `onClose` exactly once: with the socket's error as an
 * MqttError, CONNECTION_CLOSED when the peer closed first, or undefined after our own end().
 */
export class SocketConnection implements TransportConnection {
  readonly #socket: Socket;
  readonly #handlers: TransportHandlers;
  #error: MqttError | undefined;
  #closedByUs = false;
  #waitingForDrain = false;
  #closed = false;
  #paused = false;
  /** Bytes written this tick, not yet handed to the socket: finished runs, then the open run. */
  #batch: Uint8Array[] = [];
  #batchBytes = 0;
  /** The open run: adjacent bytes of one buffer, [#runStart, #runEnd); a view is made only at flush. */
  #runBuffer: ArrayBufferLike | undefined;
  #runStart = 0;
  #runEnd = 0;

  /** Takes over `socket` (connected, possibly paused) and starts delivering to `handlers`. */
  constructor(socket: Socket, handlers: TransportHandlers, label: string) {
    this.#socket = socket;
    this.#handlers = handlers;
    socket.on('data', this.#onData);
    socket.on('drain', () => {
      if (!this.#waitingForDrain || this.#closed) return;
      this.#waitingForDrain = false;
      handlers.onDrain();
    });
    socket.on('error', (error) => {
      this.#error ??= socketError(error, label);
    });
    socket.on('end', () => {
      if (!this.#closedByUs) this.#error ??= new MqttError('CONNECTION_CLOSED', `${label}: closed by the peer`);
    });
    socket.on('close', () => this.#finish());
    socket.resume();
    if (socket.destroyed) queueMicrotask(() => this.#finish());
  }

  get raw(): Socket {
    return this.#socket;
  }

  /**
   * Stops reading the socket (TCP flow control then holds the peer) until resume(). The 'data'
   * listener goes too: Node resumes a paused stream that has one as soon as anyone removes a
   * 'readable' listener, which an external event loop waiting on 'readable' does all the time.
   */
  pause(): void {
    if (this.#closed || this.#paused) return;
    this.#paused = true;
    this.#socket.off('data', this.#onData);
    this.#socket.pause();
  }

  /** Reads the socket again after pause(); does nothing when not paused or closed. */
  resume(): void {
    if (this.#closed || !this.#paused) return;
    this.#paused = false;
    this.#socket.on('data', this.#onData);
    this.#socket.resume();
  }

  /**
   * While paused: delivers what the socket holds now through onData, before returning, and returns
   * the byte count (an external event loop's loop_read). Not paused: 0 (data flows by itself).
   */
  read(): number {
    let total = 0;
    while (this.#paused && !this.#closed) {
      const chunk = this.#socket.read() as Buffer | null;
      if (chunk === null) break;
      total += chunk.length;
      this.#onData(chunk);
    }
    return total;
  }

  readonly #onData = (chunk: Buffer): void => {
    this.#handlers.onData(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  };

  /**
   * Packets written in the same tick reach the socket as one write at the end of the tick. The
   * codec encodes into a slab it never rewinds, so consecutive packets are usually adjacent views
   * of one buffer: they are joined into one view without copying. One socket write per tick
   * instead of one per packet saves the stream's per-chunk work and a syscall's worth of chunks.
   * Back-pressure: false once the socket's buffer plus this tick's bytes reach its high-water
   * mark; the write at the end of the tick then also returns false, so 'drain' follows.
   */
  write(bytes: Uint8Array): boolean {
    if (this.#closed || this.#socket.destroyed || this.#socket.writableEnded) return false;
    const run = this.#runBuffer;
    if (run === undefined) {
      if (this.#batchBytes === 0) process.nextTick(SocketConnection.#flushOf, this);
      this.#openRun(bytes);
    } else if (run === bytes.buffer && this.#runEnd === bytes.byteOffset) {
      this.#runEnd += bytes.byteLength;
    } else {
      this.#batch.push(new Uint8Array(run, this.#runStart, this.#runEnd - this.#runStart));
      this.#openRun(bytes);
    }
    this.#batchBytes += bytes.byteLength;
    const flushed = this.#socket.writableLength + this.#batchBytes < this.#socket.writableHighWaterMark;
    if (!flushed) this.#waitingForDrain = true;
    return flushed;
  }

  #openRun(bytes: Uint8Array): void {
    this.#runBuffer = bytes.buffer;
    this.#runStart = bytes.byteOffset;
    this.#runEnd = bytes.byteOffset + bytes.byteLength;
  }

  /** Static, given the connection: no closure per connection for what runs once a tick at most. */
  static #flushOf(connection: SocketConnection): void {
    connection.#flush();
  }

  #flush(): void {
    const run = this.#runBuffer;
    if (run === undefined) return;
    const batch = this.#batch;
    batch.push(new Uint8Array(run, this.#runStart, this.#runEnd - this.#runStart));
    this.#batch = [];
    this.#batchBytes = 0;
    this.#runBuffer = undefined;
    if (this.#closed || this.#socket.destroyed || this.#socket.writableEnded) return;
    let taken: boolean;
    if (batch.length === 1) {
      taken = this.#socket.write(batch[0] as Uint8Array);
    } else {
      this.#socket.cork();
      taken = true;
      for (const piece of batch) taken = this.#socket.write(piece);
      this.#socket.uncork();
    }
    // write() said false, but the socket took everything at once (it can write synchronously):
    // no 'drain' will come, so say it here.
    if (taken && this.#waitingForDrain) {
      this.#waitingForDrain = false;
      this.#handlers.onDrain();
    }
  }

  end(): void {
    if (this.#closed || this.#closedByUs) return;
    this.#closedByUs = true;
    this.#flush();
    // A paused socket holding unread bytes never sees the peer's FIN, so 'close' would wait for the
    // grace period: read the rest away (the caller is done with it).
    const socket = this.#socket;
    socket.on('readable', () => {
      while (socket.read() !== null);
    });
    this.#socket.end(() => {
      setTimeout(() => this.#socket.destroy(), END_GRACE_PERIOD).unref();
    });
  }

  destroy(error?: MqttError): void {
    if (this.#closed) return;
    this.#closedByUs = true;
    if (error !== undefined) this.#error = error;
    this.#socket.destroy();
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#handlers.onClose(this.#error);
  }
}
