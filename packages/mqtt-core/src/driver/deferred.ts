// A promise with its resolve/reject exposed, which never reports an unhandled rejection:
// callers who await it still see the error.

import type { MqttError } from '@x/mqtt-codec';

export type DeferredStatus = 'pending' | 'fulfilled' | 'rejected';

export interface Deferred<T> {
  readonly promise: Promise<T>;
  /** Readable synchronously, unlike the promise. */
  readonly status: DeferredStatus;
  resolve(value: T): void;
  reject(error: MqttError): void;
}

export function deferred<T>(): Deferred<T> {
  let settle!: { resolve: (value: T) => void; reject: (error: MqttError) => void };
  const promise = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  promise.catch(() => undefined); // never an unhandled rejection; callers who await still see it
  const d = {
    promise,
    status: 'pending' as DeferredStatus,
    resolve(value: T) {
      if (d.status === 'pending') d.status = 'fulfilled';
      settle.resolve(value);
    },
    reject(error: MqttError) {
      if (d.status === 'pending') d.status = 'rejected';
      settle.reject(error);
    },
  };
  return d;
}

