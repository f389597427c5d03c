// One pending completion per publish() mid. Kept by the client (not the engine) so that a
// MessageInfo still settles when the engine is rebuilt with new settings before connecting.
import type { MqttError } from '@x/mqtt-codec';

interface Waiter {
  resolve(): void;
  reject(error: MqttError): void;
  promise: Promise<void>;
}

export class PublishWaiters {
  readonly #waiters = new Map<number, Waiter>();

  /** The completion of `mid`; created on first ask. Never an unhandled rejection. */
  wait(mid: number): Promise<void> {
    const existing = this.#waiters.get(mid);
    if (existing !== undefined) return existing.promise;
    let resolve!: () => void;
    let reject!: (e: MqttError) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => undefined);
    this.#waiters.set(mid, { resolve, reject, promise });
    return promise;
  }

  /** Completes `mid` (or fails it). An ABORTED wait is the caller's own: the message stays queued. */
  settle(mid: number, error?: MqttError): void {
    const waiter = this.#waiters.get(mid);
    if (waiter === undefined || error?.code === 'ABORTED') return;
    this.#waiters.delete(mid);
    if (error === undefined) waiter.resolve();
    else waiter.reject(error);
  }

  clear(): void {
    this.#waiters.clear();
  }
}
