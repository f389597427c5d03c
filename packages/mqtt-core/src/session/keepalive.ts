// Keepalive bookkeeping for one connection [MQTT-3.1.2-22..24]: a PINGREQ is due `interval` after
// the last packet sent or received, whichever is older; once sent, anything received within
// `timeout` proves the link alive. No clock here: callers pass `now` (ms) and read deadlines back.
//
// Why "or received": a client that keeps sending (a QoS 0 stream) never goes `interval` without
// sending, so with the sent side alone it never pings and never notices a half-open link
// (apps/faults, half-open fault). Paho 1.5 pings on either side too. The default timeout is half
// the interval, so a dead link is declared at most 1.5 x keepalive after the last packet received,
// the bound the spec gives the server [MQTT-3.1.2-24].

/** Keepalive bookkeeping for one connection: when a PINGREQ is due and when the link counts as dead. */
export class Keepalive {
  readonly #intervalMs: number;
  readonly #timeoutMs: number;
  #lastSent: number;
  #lastReceived: number;
  #pingSentAt: number | undefined;
  #roundTripMs: number | undefined;

  /** `intervalSeconds` 0 disables keepalive; `timeoutSeconds` 0 means "half the interval". */
  constructor(intervalSeconds: number, timeoutSeconds: number, now: number) {
    this.#intervalMs = intervalSeconds * 1000;
    this.#timeoutMs = timeoutSeconds > 0 ? timeoutSeconds * 1000 : this.#intervalMs / 2;
    this.#lastSent = now;
    this.#lastReceived = now;
  }

  /** False when the keepalive interval is 0. */
  get enabled(): boolean {
    return this.#intervalMs > 0;
  }

  /** True from pingSent() until the next packet is received. */
  get pingOutstanding(): boolean {
    return this.#pingSentAt !== undefined;
  }

  /** Any packet sent. */
  sent(now: number): void {
    this.#lastSent = now;
  }

  /** Any packet received: a pending PINGREQ is answered (its round trip is measured to this packet). */
  received(now: number): void {
    this.#lastReceived = now;
    if (this.#pingSentAt !== undefined) this.#roundTripMs = now - this.#pingSentAt;
    this.#pingSentAt = undefined;
  }

  /** Ms from the last answered PINGREQ to the first packet after it; undefined before one was answered. */
  get roundTripMs(): number | undefined {
    return this.#roundTripMs;
  }

  /** Seconds between PINGREQs when idle (the negotiated keepalive); 0 when disabled. */
  get intervalSeconds(): number {
    return this.#intervalMs / 1000;
  }

  /** When a packet was last sent or received (ms). */
  get lastActivity(): number {
    return Math.max(this.#lastSent, this.#lastReceived);
  }

  /** A PINGREQ was sent: counts as a packet sent, and starts the wait for an answer. */
  pingSent(now: number): void {
    this.#lastSent = now;
    this.#pingSentAt = now;
  }

  /** When the next PINGREQ is due, or undefined when disabled or one is outstanding. */
  pingDueAt(): number | undefined {
    if (!this.enabled || this.#pingSentAt !== undefined) return undefined;
    return Math.min(this.#lastSent, this.#lastReceived) + this.#intervalMs;
  }

  /** When the link is declared dead, or undefined when no PINGREQ is outstanding. */
  deadAt(): number | undefined {
    return this.#pingSentAt === undefined ? undefined : this.#pingSentAt + this.#timeoutMs;
  }
}
