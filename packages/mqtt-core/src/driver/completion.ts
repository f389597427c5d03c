// The handle of one request (publish, subscribe, unsubscribe): settled cheaply by the engine, and
// turned into a Promise only when someone reads `done` or awaits it. Invariant: it settles once;
// a caller's signal and timer are removed the moment it settles, whichever way it settles.
import { MqttError } from '@x/mqtt-codec';
import type { PublishRc } from '../session/effects.js';
import type { RequestHandle } from './engine-types.js';
import type { TimerHandle, Timers } from './timers.js';

const PENDING = 0;
const FULFILLED = 1;
const REJECTED = 2;
const STATUS = ['pending', 'fulfilled', 'rejected'] as const;

/** How long a waiting call may wait: the caller's signal and/or a timeout in milliseconds. */
export interface WaitOptions {
  /** Stop waiting when this signal aborts (ABORTED). */
  readonly signal?: AbortSignal | undefined;
  /** Stop waiting after this many milliseconds (TIMEOUT). */
  readonly timeoutMs?: number | undefined;
}

/** The engine's RequestHandle: settled once by resolve() or reject(); a Promise only when awaited or `done` is read. */
export class Completion<R> implements RequestHandle<R>, PromiseLike<R> {
  /** The request's message id (the Session's `mid`); not the packet id. */
  readonly mid: number;
  readonly rc: PublishRc;
  /** A QoS 0 publish: complete once its bytes reached the transport. */
  readonly qos0: boolean;
  /** The wire packet id, once the engine reports it on completion (QoS>0); undefined before. */
  packetId: number | undefined;
  #status = PENDING;
  // Typed without R, so that a Completion<SubscribeResult> is a Completion<unknown> to the engine's table.
  #outcome: unknown;
  #promise: Promise<unknown> | undefined;
  /** `done` was read: its promise has a catch handler, so a rejection nobody awaits is not reported. */
  #guarded = false;
  #resolve: ((value: unknown) => void) | undefined;
  #reject: ((error: MqttError) => void) | undefined;
  /** Set only while a signal or timer watches this request. */
  #unwatch: (() => void) | undefined;

  constructor(mid: number, rc: PublishRc, qos0: boolean) {
    this.mid = mid;
    this.rc = rc;
    this.qos0 = qos0;
  }

  get status(): 'pending' | 'fulfilled' | 'rejected' {
    return STATUS[this.#status] as 'pending' | 'fulfilled' | 'rejected';
  }

  /** True once resolve() or reject() has been called. */
  get settled(): boolean {
    return this.#status !== PENDING;
  }

  /** The Promise, made on first read. Never an unhandled rejection: callers who await still see it. */
  get done(): Promise<R> {
    const promise = this.#settlement();
    if (!this.#guarded && this.#status !== FULFILLED) {
      // Read, maybe never awaited: a rejection must not be reported as unhandled.
      this.#guarded = true;
      promise.catch(() => undefined);
    }
    return promise;
  }

  /**
   * `await handle` and Promise.all: the settlement's then(). No catch handler is needed here, the
   * caller's handlers are attached to it at once (and rejections reach them through the result).
   */
  then<T1 = R, T2 = never>(onFulfilled?: ((value: R) => T1 | PromiseLike<T1>) | null, onRejected?: ((reason: unknown) => T2 | PromiseLike<T2>) | null): Promise<T1 | T2> {
    return this.#settlement().then(onFulfilled, onRejected);
  }

  /** The promise of the outcome, made once: already settled when the request is. */
  #settlement(): Promise<R> {
    if (this.#promise !== undefined) return this.#promise as Promise<R>;
    let promise: Promise<R>;
    // Most QoS 0 publishes are complete before anyone awaits them: no executor.
    if (this.#status === FULFILLED) promise = Promise.resolve(this.#outcome as R);
    else if (this.#status === REJECTED) promise = Promise.reject(this.#outcome as MqttError);
    else {
      promise = new Promise<R>((resolve, reject) => {
        this.#resolve = resolve as (value: unknown) => void;
        this.#reject = reject;
      });
    }
    this.#promise = promise;
    return promise;
  }

  /** Fulfils the request with `value`; a no-op once settled. */
  resolve(value: R): void {
    if (this.#status !== PENDING) return;
    this.#status = FULFILLED;
    this.#outcome = value;
    this.#settled();
    this.#resolve?.(value);
  }

  /** Rejects the request with `error`; a no-op once settled. */
  reject(error: MqttError): void {
    if (this.#status !== PENDING) return;
    this.#status = REJECTED;
    this.#outcome = error;
    this.#settled();
    this.#reject?.(error);
  }

  /**
   * Rejects with ABORTED when `signal` fires or TIMEOUT after `timeoutMs`; both are removed when the
   * request settles. Only the waiting stops: the request itself stays with the session.
   */
  watch(options: WaitOptions, timers: Timers, onGiveUp?: () => void): void {
    const { signal, timeoutMs } = options;
    if (this.#status !== PENDING || (signal === undefined && timeoutMs === undefined)) return;
    if (signal?.aborted) {
      this.reject(new MqttError('ABORTED', 'aborted', { cause: signal.reason }));
      onGiveUp?.();
      return;
    }
    let timer: TimerHandle | undefined;
    const abort = (): void => {
      this.reject(new MqttError('ABORTED', 'aborted', { cause: signal?.reason }));
      onGiveUp?.();
    };
    signal?.addEventListener('abort', abort, { once: true });
    if (timeoutMs !== undefined) {
      timer = timers.setTimeout(() => {
        this.reject(new MqttError('TIMEOUT', `no answer within ${timeoutMs} ms`));
        onGiveUp?.();
      }, timeoutMs);
    }
    this.#unwatch = () => {
      signal?.removeEventListener('abort', abort);
      if (timer !== undefined) timers.clearTimeout(timer);
    };
  }

  #settled(): void {
    const unwatch = this.#unwatch;
    if (unwatch === undefined) return;
    this.#unwatch = undefined;
    unwatch();
  }
}

/** Waits for `done` up to the caller's signal/timeout; removes its listener and timer when it settles. */
export function waitWithin<T>(done: PromiseLike<T>, options: WaitOptions, timers: Timers, what = 'the request'): Promise<T> {
  const { signal, timeoutMs } = options;
  if (signal === undefined && timeoutMs === undefined) return Promise.resolve(done);
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new MqttError('ABORTED', 'aborted', { cause: signal.reason }));
      return;
    }
    let timer: TimerHandle | undefined;
    const cleanup = (): void => {
      signal?.removeEventListener('abort', abort);
      if (timer !== undefined) timers.clearTimeout(timer);
    };
    const abort = (): void => {
      cleanup();
      reject(new MqttError('ABORTED', 'aborted', { cause: signal?.reason }));
    };
    signal?.addEventListener('abort', abort, { once: true });
    if (timeoutMs !== undefined) {
      timer = timers.setTimeout(() => {
        cleanup();
        reject(new MqttError('TIMEOUT', `${what} did not complete within ${timeoutMs} ms`));
      }, timeoutMs);
    }
    done.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}
