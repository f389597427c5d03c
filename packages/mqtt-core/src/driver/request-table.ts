// The engine's requests still waiting, by mid, and, with a SessionStore, the publishes waiting for
// their first write to the store. A request settled while its own call runs (a QoS 0 publish
// written at once) is reached through `current` and never enters the table. The store-wait table is
// made by the first awaitStore(): a client without a SessionStore never pays for it.
import { MqttError } from '@x/mqtt-codec';
import { Completion } from './completion.js';
import { deferred, type Deferred } from './deferred.js';
import type { PublishResult } from './engine-types.js';

/** `stored` of a publish that has nothing to wait for (no store, or QoS 0, which is never stored). */
export const NOTHING_TO_STORE: Promise<void> = Promise.resolve();

/** What publish() returns: a Completion that also says when the store holds the message. */
export class PublishCompletion extends Completion<PublishResult> {
  stored: Promise<void> = NOTHING_TO_STORE;
}

export class RequestTable {
  readonly #pending = new Map<number, Completion<unknown>>();
  #awaitingStore: Map<number, Deferred<void>> | undefined;
  /** The handle of the command whose effects are being performed right now. */
  current: Completion<unknown> | undefined;

  add(handle: Completion<unknown>): void {
    this.#pending.set(handle.mid, handle);
  }

  /** Removes and returns the handle of `mid` (the current one first: it is then no longer current). */
  take(mid: number): Completion<unknown> | undefined {
    const current = this.current;
    if (current !== undefined && current.mid === mid) {
      this.current = undefined;
      return current;
    }
    const handle = this.#pending.get(mid);
    if (handle !== undefined) this.#pending.delete(mid);
    return handle;
  }

  /** The caller stopped waiting for `handle` (signal or timeout): forget it. */
  forget(mid: number, handle: Completion<unknown>): void {
    if (this.#pending.get(mid) === handle) this.#pending.delete(mid);
  }

  get size(): number {
    return this.#pending.size;
  }

  /** Rejects every pending request and store wait with `error`. */
  rejectAll(error: MqttError): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const handle of pending) handle.reject(error);
    const awaiting = this.#awaitingStore;
    if (awaiting === undefined) return;
    const stores = [...awaiting.values()];
    awaiting.clear();
    for (const d of stores) d.reject(error);
  }

  /** The promise that publish `mid` reached the store. */
  awaitStore(mid: number): Promise<void> {
    const d = deferred<void>();
    (this.#awaitingStore ??= new Map()).set(mid, d);
    return d.promise;
  }

  /** The store holds publish `mid` (or failed to): a process that dies now still sends it. */
  stored(mid: number, failure?: unknown): void {
    const d = this.#awaitingStore?.get(mid);
    if (d === undefined) return;
    this.#awaitingStore?.delete(mid);
    if (failure === undefined) d.resolve();
    else d.reject(new MqttError('SESSION_STORE_ERROR', `message ${mid} could not be stored`, { cause: failure }));
  }
}
