// Counts what subscribers received of numbered streams: duplicates, losses and order.
// A message is identified by (stream, seq); order is judged on first arrivals only, so a QoS 1
// redelivery of an old message is a duplicate, not an order violation.

export interface StreamReport {
  readonly deliveries: number;
  readonly unique: number;
  readonly duplicates: number;
  /** Expected seqs never received. */
  readonly missing: readonly number[];
  /** First arrivals with a seq lower than an earlier first arrival of the same stream. */
  readonly outOfOrder: number;
}

export class Tally {
  readonly #seen = new Map<string, Map<number, number>>();
  readonly #highest = new Map<string, number>();
  readonly #outOfOrder = new Map<string, number>();

  record(stream: string, seq: number): void {
    let counts = this.#seen.get(stream);
    if (counts === undefined) this.#seen.set(stream, (counts = new Map()));
    const before = counts.get(seq) ?? 0;
    counts.set(seq, before + 1);
    if (before > 0) return;
    const highest = this.#highest.get(stream) ?? -1;
    if (seq < highest) this.#outOfOrder.set(stream, (this.#outOfOrder.get(stream) ?? 0) + 1);
    else this.#highest.set(stream, seq);
  }

  /** Distinct seqs received on `stream`. */
  unique(stream: string): number {
    return this.#seen.get(stream)?.size ?? 0;
  }

  has(stream: string, seq: number): boolean {
    return (this.#seen.get(stream)?.get(seq) ?? 0) > 0;
  }

  report(stream: string, expected: Iterable<number>): StreamReport {
    const counts = this.#seen.get(stream) ?? new Map<number, number>();
    let deliveries = 0;
    for (const n of counts.values()) deliveries += n;
    const missing: number[] = [];
    for (const seq of expected) if (!counts.has(seq)) missing.push(seq);
    return { deliveries, unique: counts.size, duplicates: deliveries - counts.size, missing, outOfOrder: this.#outOfOrder.get(stream) ?? 0 };
  }
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
