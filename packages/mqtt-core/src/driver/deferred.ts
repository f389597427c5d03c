// A promise with its resolve/reject exposed, which never reports an unhandled rejection:
// callers who await it still see the error.

import type { MqttError } from '@x/mqtt-codec';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: MqttError): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: MqttError) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined); // never an unhandled rejection; callers who await still see it
  return { promise, resolve, reject };
}

