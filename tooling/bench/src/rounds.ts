// Shared by the process-per-run sections (client-only, receive, connections, end-to-end): the two
// libraries run in interleaved rounds, who goes first alternating, and a ratio is the median of the
// per-round ratios with their min-max, so a burst of background load hits both sides of a ratio alike.

export type Lib = 'x' | 'mqttjs';

export interface Rounds<R> {
  readonly ours: readonly R[];
  readonly theirs: readonly R[];
}

/** Runs `run` for both libraries `rounds` times: ours first in even rounds, MQTT.js first in odd ones. */
export async function interleaved<R>(rounds: number, run: (lib: Lib, round: number) => Promise<R>): Promise<Rounds<R>> {
  const ours: R[] = [];
  const theirs: R[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const lib of round % 2 === 0 ? (['x', 'mqttjs'] as const) : (['mqttjs', 'x'] as const)) {
      (lib === 'x' ? ours : theirs).push(await run(lib, round));
    }
  }
  return { ours, theirs };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export const fmt = (x: number, digits = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** `ours[i] / theirs[i]` per round: "1.48x (1.02-1.68)", the median and the min-max. */
export function ratioCell(ours: readonly number[], theirs: readonly number[], digits = 2): string {
  const ratios = ours.map((o, i) => o / (theirs[i] as number));
  return `${fmt(median(ratios), digits)}x (${fmt(Math.min(...ratios), digits)}-${fmt(Math.max(...ratios), digits)})`;
}

/** The median of one field over a side's rounds. */
export const med = <R>(runs: readonly R[], pick: (r: R) => number): number => median(runs.map(pick));

/** The last line a worker printed, parsed as JSON (workers print one result line last). */
export function lastJsonLine<R>(stdout: string): R {
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as R;
}
