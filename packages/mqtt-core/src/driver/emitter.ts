// A minimal typed event emitter (no Node EventEmitter in core). A throwing listener is reported
// to `onListenerError` and does not stop the others or the engine. Memory: the per-event Map is
// made by the first on(); it holds per event one listener (the common case) or an array of several,
// no Set per event. One listener of every event (onEvery: the facade's one closure instead of one
// per event) is held as itself and called before the per-event ones.

type Listener = (arg: never) => void;

/** A listener of every event: told the event's name and its argument. */
export type EveryListener<Events extends object> = <K extends keyof Events>(event: K, arg: Events[K]) => void;

export class Emitter<Events extends object> {
  #listeners: Map<keyof Events, Listener | Listener[]> | undefined;
  #every: EveryListener<Events> | undefined;
  readonly #onListenerError: (error: unknown, event: keyof Events) => void;

  constructor(onListenerError: (error: unknown, event: keyof Events) => void) {
    this.#onListenerError = onListenerError;
  }

  /** Adds a listener (once: adding the same one again changes nothing); returns a function that removes it. */
  on<K extends keyof Events>(event: K, listener: (arg: Events[K]) => void): () => void {
    const fn = listener as Listener;
    const listeners = (this.#listeners ??= new Map());
    const held = listeners.get(event);
    if (held === undefined) listeners.set(event, fn);
    else if (typeof held === 'function') {
      if (held !== fn) listeners.set(event, [held, fn]);
    } else if (!held.includes(fn)) held.push(fn);
    return () => this.off(event, listener);
  }

  off<K extends keyof Events>(event: K, listener: (arg: Events[K]) => void): void {
    const fn = listener as Listener;
    const listeners = this.#listeners;
    const held = listeners?.get(event);
    if (held === fn) listeners?.delete(event);
    else if (Array.isArray(held)) {
      const at = held.indexOf(fn);
      if (at < 0) return;
      held.splice(at, 1);
      if (held.length === 1) listeners?.set(event, held[0] as Listener);
    }
  }

  /**
   * Sets the one listener of every event (called before the per-event listeners); returns a
   * function that removes it. A second call replaces the first. While it is set, has() is true.
   */
  onEvery(listener: EveryListener<Events>): () => void {
    this.#every = listener;
    return () => {
      if (this.#every === listener) this.#every = undefined;
    };
  }

  has(event: keyof Events): boolean {
    return this.#every !== undefined || (this.#listeners?.has(event) ?? false);
  }

  emit<K extends keyof Events>(event: K, arg: Events[K]): void {
    const every = this.#every;
    if (every !== undefined) {
      try {
        every(event, arg);
      } catch (error) {
        if (event !== 'log') this.#onListenerError(error, event);
      }
    }
    const held = this.#listeners?.get(event);
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
