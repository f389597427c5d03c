// One connection attempt under a deadline and an AbortSignal. Every socket the attempt opens is
// tracked, so a timeout or an abort destroys it: nothing is left half-open behind a rejected promise.

import { MqttError } from '@x/mqtt-codec';
import { socketError } from './socket-error.js';

/** Connect timeout used when none is given, in milliseconds (the seed's socket timeout). */
export const DEFAULT_CONNECT_TIMEOUT = 30_000;

/** The deadline, the AbortSignal and the name of the target of one connectAttempt(). */
export interface ConnectAttemptOptions {
  /** Milliseconds before the attempt fails with CONNECT_TIMEOUT; 0 means no deadline. */
  readonly timeout: number;
  /** Aborting it fails the attempt with ABORTED and destroys its sockets. Defaults to none. */
  readonly signal?: AbortSignal | undefined;
  /** What is being connected to, for error messages (e.g. `127.0.0.1:1883`). */
  readonly target: string;
}

/** Handed to the work of an attempt. */
export interface Attempt {
  /** Destroy `socket` if the attempt fails, times out or is aborted. */
  track(socket: { destroy(): void }): void;
}

/**
 * Runs `work` until it settles, the deadline passes (CONNECT_TIMEOUT) or `signal` fires (ABORTED).
 * A rejection that is not an MqttError becomes TRANSPORT_ERROR (or TLS_ERROR).
 */
export function connectAttempt<T>(options: ConnectAttemptOptions, work: (attempt: Attempt) => Promise<T>): Promise<T> {
  const { timeout, signal, target } = options;
  if (signal?.aborted) return Promise.reject(abortedError(target, signal));
  const tracked = new Set<{ destroy(): void }>();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const cleanup = (): void => {
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: unknown): void => {
      if (settled) return;
      cleanup();
      for (const socket of tracked) socket.destroy();
      reject(socketError(error, `connecting to ${target}`));
    };
    const onAbort = (): void => fail(abortedError(target, signal));
    const timer =
      timeout > 0 ? setTimeout(() => fail(new MqttError('CONNECT_TIMEOUT', `no connection to ${target} within ${timeout} ms`)), timeout) : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });
    const attempt: Attempt = {
      track(socket) {
        if (settled) socket.destroy();
        else tracked.add(socket);
      },
    };
    work(attempt).then((value) => {
      if (settled) return;
      cleanup();
      resolve(value);
    }, fail);
  });
}

function abortedError(target: string, signal: AbortSignal | undefined): MqttError {
  return new MqttError('ABORTED', `connecting to ${target} was aborted`, { cause: signal?.reason });
}
