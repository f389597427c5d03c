// Which timers a Session has asked for, so it emits setTimer/cancelTimer only when a deadline
// really changes. Lazy timers (keepalive, retry) may fire early and re-arm, so each packet sent
// does not move them. No clock here: deadlines are given. The armed deadlines are four fields of one
// small object (undefined: not armed), not a Map: a Map costs ~200 bytes per Session.

import type { SessionEffect, TimerKind } from './effects.js';

const TIMER_KINDS: readonly TimerKind[] = ['connect', 'keepalive', 'pingTimeout', 'retry'];
/** Timers that may fire early and re-arm themselves, so a send need not move them. */
const LAZY_TIMERS: ReadonlySet<TimerKind> = new Set(['keepalive', 'retry']);

export class TimerSchedule {
  readonly #armed: Record<TimerKind, number | undefined> = { connect: undefined, keepalive: undefined, pingTimeout: undefined, retry: undefined };

  /** A timer fired: it is no longer armed. */
  fired(timer: TimerKind): void {
    this.#armed[timer] = undefined;
  }

  /** Appends the effects that make the armed timers match `deadline(kind)` (undefined: not wanted). */
  sync(fx: SessionEffect[], deadline: (timer: TimerKind) => number | undefined): void {
    for (const timer of TIMER_KINDS) {
      const wanted = deadline(timer);
      const armed = this.#armed[timer];
      if (wanted === undefined) {
        if (armed !== undefined) {
          this.#armed[timer] = undefined;
          fx.push({ type: 'cancelTimer', timer });
        }
      } else if (armed === undefined || (LAZY_TIMERS.has(timer) ? wanted < armed : wanted !== armed)) {
        this.#armed[timer] = wanted;
        fx.push({ type: 'setTimer', timer, at: wanted });
      }
    }
  }
}
