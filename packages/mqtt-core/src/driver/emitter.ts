// A minimal typed event emitter (no Node EventEmitter in core). A throwing listener is reported
// to `onListenerError` and does not stop the others or the engine. Memory: one Map per emitter,
// holding per event one listener (the common case) or an array of several; no Set per event.

type Listener = (arg: never) => void;

export class Emitter<Events extends object> {
  readonly #listeners = new Map<keyof Events, Listener | Listener[]>();
  readonly #onListenerError: (error: unknown, event: keyof Events) => void;

  constructor(onListenerError: (error: unknown, event: keyof Events) => void) {
    this.#onListenerError = onListenerError;
  }

  /** Adds a listener (once: adding the same one again changes nothing); returns a function that removes it. */
  on<K extends keyof Events>(event: K, listener: (arg: Events[K]) => void): () => void {
    const fn = listener as Listener;
    const held = this.#listeners.get(event);
    if (held === undefined) this.#listeners.set(event, fn);
    else if (typeof held === 'function') {
      if (held !== fn) this.#listeners.set(event, [held, fn]);
    } else if (!held.includes(fn)) held.push(fn);
    return () => this.off(event, listener);
  }

  off<K extends keyof Events>(event: K, listener: (arg: Events[K]) => void): void {
    const fn = listener as Listener;
    const held = this.#listeners.get(event);
    if (held === fn) this.#listeners.delete(event);
    else if (Array.isArray(held)) {
      const at = held.indexOf(fn);
      if (at < 0) return;
      held.splice(at, 1);
      if (held.length === 1) this.#listeners.set(event, held[0] as Listener);
    }
  }

  has(event: keyof Events): boolean {
    return this.#listeners.has(event);
  }

  emit<K extends keyof Events>(event: K, arg: Events[K]): void {
    const held = this.#listeners.get(event);
    if (held === undefined) return;
    // One listener (the common case) is called directly; several are copied, so one that removes
    // and re-adds itself cannot loop.
    if (typeof held === 'function') {
      this.#call(event, held as (arg: Events[K]) => void, arg);
      return;
    }
    for (const listener of [...held]) this.#call(event, listener as (arg: Events[K]) => void, arg);
  }

  #call<K extends keyof Events>(event: K, listener: (arg: Events[K]) => void, arg: Events[K]): void {
    try {
      listener(arg);
    } catch (error) {
      if (event !== 'log') this.#onListenerError(error, event);
    }
  }
}
