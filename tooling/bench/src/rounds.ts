// Shared by the process-per-run sections (client-only, receive, connections, end-to-end): the two
// libraries run in interleaved rounds, who goes first alternating, and a ratio is the median of the
// per-round ratios with their min-max, so a burst of background load hits both sides of a ratio alike.

export type Lib = 'x' | 'mqttjs' | 'raw';

export interface Rounds<R> {
  readonly ours: readonly R[];
  readonly theirs: readonly R[];
  /** The reference client's runs (raw-client.mjs), when asked for: the floor of the work itself. */
  readonly raw: readonly R[];
}

/**
 * Runs `run` for both libraries `rounds` times: ours first in even rounds, MQTT.js first in odd
 * ones; with `withRaw`, the reference client runs too, its place in the order rotating with them.
 */
export async function interleaved<R>(rounds: number, run: (lib: Lib, round: number) => Promise<R>, withRaw = false): Promise<Rounds<R>> {
  const runs: Record<Lib, R[]> = { x: [], mqttjs: [], raw: [] };
  const libs: readonly Lib[] = withRaw ? ['x', 'mqttjs', 'raw'] : ['x', 'mqttjs'];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? libs : [...libs].reverse();
    for (const lib of order) runs[lib].push(await run(lib, round));
  }
  return { ours: runs.x, theirs: runs.mqttjs, raw: runs.raw };
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
