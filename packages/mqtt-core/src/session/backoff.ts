// The reconnect back-off policy as a pure function (Paho's reconnect_delay_set): the delay starts
// at minDelay, doubles after each failed attempt up to maxDelay, and the caller resets the attempt
// count when CONNACK arrives. No clock, no randomness unless one is passed in.

/** Paho's reconnect_delay_set(min_delay=1): seconds. */
export const DEFAULT_RECONNECT_MIN_DELAY = 1;
/** Paho's reconnect_delay_set(max_delay=120): seconds. */
export const DEFAULT_RECONNECT_MAX_DELAY = 120;
/** No jitter by default, as in Paho. */
export const DEFAULT_RECONNECT_JITTER = 0;

/** The reconnect back-off (Paho's reconnect_delay_set), in seconds. */
export interface BackoffOptions {
  /** Seconds before the first retry. Defaults to 1. */
  minDelay: number;
  /** Ceiling of the delay, in seconds. Defaults to 120. */
  maxDelay: number;
  /**
   * Fraction 0..1 of the delay that is randomised: the result is uniformly drawn from
   * [delay * (1 - jitter), delay]. Defaults to 0.
   */
  jitter: number;
}

/**
 * Milliseconds to wait before reconnect attempt number `attempt` (0 for the first retry after a
 * loss): min(minDelay * 2^attempt, maxDelay), minus jitter. `random` returns a number in [0, 1).
 */
export function reconnectDelay(attempt: number, options: Readonly<Partial<BackoffOptions>> = {}, random: () => number = Math.random): number {
  const minDelay = Math.max(0, options.minDelay ?? DEFAULT_RECONNECT_MIN_DELAY);
  const maxDelay = Math.max(minDelay, options.maxDelay ?? DEFAULT_RECONNECT_MAX_DELAY);
  const jitter = Math.min(1, Math.max(0, options.jitter ?? DEFAULT_RECONNECT_JITTER));
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 52);
  const delay = Math.min(minDelay * 2 ** exponent, maxDelay);
  const jittered = jitter === 0 ? delay : delay * (1 - jitter * random());
  return Math.round(jittered * 1000);
}
