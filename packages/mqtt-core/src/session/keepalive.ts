// Keepalive bookkeeping for one connection [MQTT-3.1.2-22..24]: a PINGREQ is due `interval` after
// the last packet we sent; once sent, anything received within `timeout` proves the link alive.
// No clock here: callers pass `now` (ms) and read deadlines back.

export class Keepalive {
  readonly #intervalMs: number;
  readonly #timeoutMs: number;
  #lastSent: number;
  #pingSentAt: number | undefined;

  /** `intervalSeconds` 0 disables keepalive; `timeoutSeconds` 0 means "same as the interval". */
  constructor(intervalSeconds: number, timeoutSeconds: number, now: number) {
    this.#intervalMs = intervalSeconds * 1000;
    this.#timeoutMs = (timeoutSeconds > 0 ? timeoutSeconds : intervalSeconds) * 1000;
    this.#lastSent = now;
  }

  get enabled(): boolean {
    return this.#intervalMs > 0;
  }

  get pingOutstanding(): boolean {
    return this.#pingSentAt !== undefined;
  }

  /** Any packet sent. */
  sent(now: number): void {
    this.#lastSent = now;
  }

  /** Any packet received: a pending PINGREQ is answered. */
  received(): void {
    this.#pingSentAt = undefined;
  }

  pingSent(now: number): void {
    this.#lastSent = now;
    this.#pingSentAt = now;
  }

  /** When the next PINGREQ is due, or undefined when disabled or one is outstanding. */
  pingDueAt(): number | undefined {
    if (!this.enabled || this.#pingSentAt !== undefined) return undefined;
    return this.#lastSent + this.#intervalMs;
  }

  /** When the link is declared dead, or undefined when no PINGREQ is outstanding. */
  deadAt(): number | undefined {
    return this.#pingSentAt === undefined ? undefined : this.#pingSentAt + this.#timeoutMs;
  }
}
