// Which timers a Session has asked for, so it emits setTimer/cancelTimer only when a deadline
// really changes. Lazy timers (keepalive, retry) may fire early and re-arm, so each packet sent
// does not move them. No clock here: deadlines are given.

import type { SessionEffect, TimerKind } from './effects.js';

/** The deadline armed per timer; undefined when not armed. One fixed shape: no Map on the hot path. */
interface Armed {
  connect: number | undefined;
  keepalive: number | undefined;
  pingTimeout: number | undefined;
  retry: number | undefined;
}

export class TimerSchedule {
  readonly #armed: Armed = { connect: undefined, keepalive: undefined, pingTimeout: undefined, retry: undefined };

  /** A timer fired: it is no longer armed. */
  fired(timer: TimerKind): void {
    this.#armed[timer] = undefined;
  }

  /** Appends the effects that make `timer`'s armed deadline `wanted` (undefined: not wanted). Lazy timers (keepalive, retry) only ever move earlier. */
  syncOne(fx: SessionEffect[], timer: TimerKind, wanted: number | undefined): void {
    const armed = this.#armed[timer];
    if (wanted === undefined) {
      if (armed !== undefined) {
        this.#armed[timer] = undefined;
        fx.push({ type: 'cancelTimer', timer });
      }
    } else if (armed === undefined || (timer === 'keepalive' || timer === 'retry' ? wanted < armed : wanted !== armed)) {
      this.#armed[timer] = wanted;
      fx.push({ type: 'setTimer', timer, at: wanted });
    }
  }
}
