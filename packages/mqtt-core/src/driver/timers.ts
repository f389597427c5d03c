// The clock and timers the driver uses, injected so tests run on a fake clock without sleeping.
// The default binds to globalThis, which every runtime (Node, browsers, Deno, workers) provides.

/** An opaque timer handle, whatever setTimeout returned. */
export type TimerHandle = unknown;

/** The clock and one-shot timers the engine uses; defaultTimers, or a fake clock in tests. */
export interface Timers {
  /** Milliseconds, monotonic enough for deadlines. */
  now(): number;
  /** Calls `callback` once after `ms` milliseconds; returns a handle for clearTimeout. */
  setTimeout(callback: () => void, ms: number): TimerHandle;
  /** Cancels a timer that has not run yet. */
  clearTimeout(handle: TimerHandle): void;
}

/** Date.now() and the global setTimeout/clearTimeout. */
export const defaultTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
