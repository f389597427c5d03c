// Reads a proxy's handshake replies from a socket: exact byte counts (SOCKS5) or up to a
// delimiter (HTTP). On release the socket is paused and any bytes past the reply are unshifted,
// so the connection's next reader sees the stream exactly where the handshake ended.

import type { Socket } from 'node:net';
import { MqttError } from '@x/mqtt-codec';

export class HandshakeReader {
  readonly #socket: Socket;
  #buffered: Buffer = Buffer.alloc(0);
  #failure: Error | undefined;
  #wake: (() => void) | undefined;

  readonly #onData = (chunk: Buffer): void => {
    this.#buffered = Buffer.concat([this.#buffered, chunk]);
    this.#wake?.();
  };
  readonly #onError = (error: Error): void => {
    this.#failure ??= error;
    this.#wake?.();
  };
  readonly #onEnd = (): void => {
    this.#failure ??= new MqttError('PROXY_ERROR', 'the proxy closed the connection during the handshake');
    this.#wake?.();
  };

  constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', this.#onData);
    socket.on('error', this.#onError);
    socket.on('end', this.#onEnd);
    socket.on('close', this.#onEnd);
    socket.resume();
  }

  /** Resolves with exactly `length` bytes. */
  async read(length: number): Promise<Buffer> {
    await this.#until(() => this.#buffered.length >= length);
    const bytes = this.#buffered.subarray(0, length);
    this.#buffered = this.#buffered.subarray(length);
    return bytes;
  }

  /** Resolves with the bytes up to and including `delimiter`; fails past `limit` bytes. */
  async readUntil(delimiter: string, limit: number): Promise<Buffer> {
    let end = -1;
    await this.#until(() => {
      end = this.#buffered.indexOf(delimiter);
      if (end < 0 && this.#buffered.length > limit) throw new MqttError('PROXY_ERROR', `proxy reply longer than ${limit} bytes`);
      return end >= 0;
    });
    const bytes = this.#buffered.subarray(0, end + delimiter.length);
    this.#buffered = this.#buffered.subarray(end + delimiter.length);
    return bytes;
  }

  /** Stops reading: pauses the socket and gives back any unread bytes. */
  release(): void {
    this.#socket.pause();
    this.#socket.off('data', this.#onData);
    this.#socket.off('error', this.#onError);
    this.#socket.off('end', this.#onEnd);
    this.#socket.off('close', this.#onEnd);
    if (this.#buffered.length > 0) this.#socket.unshift(this.#buffered);
    this.#buffered = Buffer.alloc(0);
  }

  async #until(ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.#failure !== undefined) throw this.#failure;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = undefined;
    }
  }
}
