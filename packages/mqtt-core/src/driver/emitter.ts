// A minimal typed event emitter (no Node EventEmitter in core). A throwing listener is reported
// to `onListenerError` and does not stop the others or the engine.

export class Emitter<Events extends object> {
  readonly #listeners = new Map<keyof Events, Set<(arg: never) => void>>();
  readonly #onListenerError: (error: unknown, event: keyof Events) => void;

  constructor(onListenerError: (error: unknown, event: keyof Events) => void) {
    this.#onListenerError = onListenerError;
  }

  /** Adds a listener; returns a function that removes it. */
  on<K extends keyof Events>(event: K, listener: (arg: Events[K]) => void): () => void {
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener as (arg: never) => void);
    return () => this.off(event, listener);
  }

  off<K extends keyof Events>(event: K, listener: (arg: Events[K]) => void): void {
    this.#listeners.get(event)?.delete(listener as (arg: never) => void);
  }

  has(event: keyof Events): boolean {
    return (this.#listeners.get(event)?.size ?? 0) > 0;
  }

  emit<K extends keyof Events>(event: K, arg: Events[K]): void {
    const set = this.#listeners.get(event);
    if (set === undefined) return;
    // One listener (the common case) is called without copying the set; several are copied, so
    // one that removes and re-adds itself cannot loop.
    if (set.size === 1) {
      for (const listener of set) this.#call(event, listener as (arg: Events[K]) => void, arg);
      return;
    }
    for (const listener of [...set]) {
      try {
        (listener as (arg: Events[K]) => void)(arg);
      } catch (error) {
        if (event === 'log') continue;
        this.#onListenerError(error, event);
      }
    }
  }

  #call<K extends keyof Events>(event: K, listener: (arg: Events[K]) => void, arg: Events[K]): void {
    try {
      listener(arg);
    } catch (error) {
      if (event !== 'log') this.#onListenerError(error, event);
    }
  }
}
