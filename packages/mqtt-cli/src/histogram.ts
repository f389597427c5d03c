// A log-bucketed latency histogram (1% buckets from 1 µs to over an hour): constant memory however
// long a bench runs, percentiles within 1% of the true value. Pure: no clock, no I/O.
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = 2400; // 1.01^2400 µs ≈ 6e10 s: more than any latency we will see

export class Histogram {
  readonly #counts = new Float64Array(BUCKETS);
  #count = 0;
  #max = 0;

  /** Records one value in milliseconds (negative values, from clock skew, count as 0). */
  record(ms: number): void {
    const us = Math.max(1, ms * 1000);
    this.#counts[Math.min(BUCKETS - 1, Math.floor(Math.log(us) / LOG_GROWTH))]! += 1;
    this.#count++;
    if (ms > this.#max) this.#max = ms;
  }

  get count(): number {
    return this.#count;
  }

  /** The value at quantile q (0..1), in ms; 0 when empty. */
  quantile(q: number): number {
    if (this.#count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.#count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.#counts[i]!;
      if (seen >= rank) return Math.min(this.#max, GROWTH ** (i + 1) / 1000);
    }
    return this.#max;
  }

  /** p50, p90, p99, p99.9 and max in ms, rounded to µs. */
  summary(): { p50: number; p90: number; p99: number; p999: number; max: number } {
    const r = (ms: number): number => Math.round(ms * 1000) / 1000;
    return { p50: r(this.quantile(0.5)), p90: r(this.quantile(0.9)), p99: r(this.quantile(0.99)), p999: r(this.quantile(0.999)), max: r(this.#max) };
  }
}
