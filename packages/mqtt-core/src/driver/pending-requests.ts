// The engine's open requests by mid: the promise each publish/subscribe/unsubscribe handle waits
// on, and, with a SessionStore, the promise that says a publish reached the store. Kept apart so
// that an engine rebuilt before connecting can take them over whole (MqttEngine.adopt).
import { MqttError } from '@x/mqtt-codec';
import { deferred, type Deferred } from './deferred.js';
import type { RequestHandle } from './engine-types.js';

interface Pending {
  readonly deferred: Deferred<never>;
  /** QoS 0 publishes complete when their bytes reach the transport. */
  readonly qos0: boolean;
}

/** `stored` of a publish that has nothing to wait for (no store, or QoS 0, which is never stored). */
export const NOTHING_TO_STORE: Promise<void> = Promise.resolve();

export class PendingRequests {
  readonly #pending = new Map<number, Pending>();
  /** Publishes whose first putOutgoing has not reached the store yet. */
  readonly #awaitingStore = new Map<number, Deferred<void>>();

  /** Opens request `mid`; `signal` only stops the waiting (the request itself stays). */
  open<R>(mid: number, rc: RequestHandle<R>['rc'], qos0: boolean, signal: AbortSignal | undefined): RequestHandle<R> {
    const d = deferred<R>();
    this.#pending.set(mid, { deferred: d as Deferred<never>, qos0 });
    if (signal !== undefined) {
      const abort = (): void => this.settle(mid, new MqttError('ABORTED', 'aborted'));
      if (signal.aborted) abort();
      else signal.addEventListener('abort', abort, { once: true });
    }
    return {
      mid,
      rc,
      done: d.promise,
      get status() {
        return d.status;
      },
    };
  }

  isQos0(mid: number): boolean {
    return this.#pending.get(mid)?.qos0 === true;
  }

  /** Resolves `mid` with `outcome`, or rejects it when `outcome` is an MqttError. Once. */
  settle(mid: number, outcome: unknown): void {
    const pending = this.#pending.get(mid);
    if (pending === undefined) return;
    this.#pending.delete(mid);
    if (outcome instanceof MqttError) pending.deferred.reject(outcome);
    else pending.deferred.resolve(outcome as never);
  }

  /** The promise that publish `mid` reached the store. */
  awaitStore(mid: number): Promise<void> {
    const d = deferred<void>();
    this.#awaitingStore.set(mid, d);
    return d.promise;
  }

  /** The store holds publish `mid` (or failed to): a process that dies now still sends it. */
  stored(mid: number, failure?: unknown): void {
    const d = this.#awaitingStore.get(mid);
    if (d === undefined) return;
    this.#awaitingStore.delete(mid);
    if (failure === undefined) d.resolve();
    else d.reject(new MqttError('SESSION_STORE_ERROR', `message ${mid} could not be stored`, { cause: failure }));
  }

  /** Takes over every open request of `other`. */
  adopt(other: PendingRequests): void {
    for (const [mid, pending] of other.#pending) this.#pending.set(mid, pending);
    for (const [mid, d] of other.#awaitingStore) this.#awaitingStore.set(mid, d);
    other.#pending.clear();
    other.#awaitingStore.clear();
  }
}
