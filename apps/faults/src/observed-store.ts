// A SessionStore wrapper that tells when a message became durable: the inner store's apply() for
// the message's first putOutgoing has resolved. The facade's publish() offers no such signal
// (MessageInfo settles on PUBACK/PUBCOMP only), so the crash test observes the store directly.

import type { SessionSnapshot, SessionStore, StoreOperation, StoredMessage } from '@x/mqtt-core';

export class ObservedStore implements SessionStore {
  readonly #inner: SessionStore;
  readonly #onDurable: (message: StoredMessage) => void;
  readonly #seen = new Set<number>();

  constructor(inner: SessionStore, onDurable: (message: StoredMessage) => void) {
    this.#inner = inner;
    this.#onDurable = onDurable;
  }

  load(): SessionSnapshot | undefined | Promise<SessionSnapshot | undefined> {
    return this.#inner.load();
  }

  apply(operation: StoreOperation): void | Promise<void> {
    const result = this.#inner.apply(operation);
    if (operation.op !== 'putOutgoing' || this.#seen.has(operation.message.mid)) return result;
    this.#seen.add(operation.message.mid);
    const { message } = operation;
    if (result instanceof Promise) return result.then(() => this.#onDurable(message));
    this.#onDurable(message);
    return result;
  }
}
