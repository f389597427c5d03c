// Timers that only record what is asked of them: nothing fires until runDue() is called. The
// engine uses them in external-loop mode, so keepalive, retries and timeouts run from the
// caller's loopMisc() and the library arms no timer of its own. The clock itself is injected.
import type { TimerHandle, Timers } from './timers.js';

interface Recorded {
  readonly at: number;
  readonly callback: () => void;
}

/** Timers that only record what is asked of them; they run from runDue() (external-loop mode). */
export class RecordedTimers implements Timers {
  readonly #clock: () => number;
  readonly #pending = new Map<number, Recorded>();
  #nextId = 1;

  /** `clock` gives the current time in milliseconds (e.g. the engine's injected clock). */
  constructor(clock: () => number) {
    this.#clock = clock;
  }

  now(): number {
    return this.#clock();
  }

  /** Records `callback` to run at now + `ms` (a negative `ms` counts as 0); returns its handle. */
  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.#nextId++;
    this.#pending.set(id, { at: this.#clock() + Math.max(0, ms), callback });
    return id;
  }

  /** Forgets a recorded timer; a handle already run or cleared is ignored. */
  clearTimeout(handle: TimerHandle): void {
    this.#pending.delete(handle as number);
  }

  /** How many timers are recorded and not yet run or cleared. */
  get pending(): number {
    return this.#pending.size;
  }

  /** The earliest deadline recorded (ms, on the injected clock), or undefined when none is. */
  get nextAt(): number | undefined {
    let next: number | undefined;
    for (const timer of this.#pending.values()) if (next === undefined || timer.at < next) next = timer.at;
    return next;
  }

  /**
   * Runs every timer due now, earliest first (ties in the order they were set). A timer that a
   * callback sets or clears is honoured: one set now waits for the next call, even if already due,
   * so a callback that re-arms itself cannot keep this call running. Returns how many ran.
   */
  runDue(): number {
    const now = this.#clock();
    const due = [...this.#pending].filter(([, timer]) => timer.at <= now).sort((a, b) => a[1].at - b[1].at || a[0] - b[0]);
    let ran = 0;
    for (const [id, timer] of due) {
      if (!this.#pending.delete(id)) continue;
      ran++;
      timer.callback();
    }
    return ran;
  }
}
