// Side-by-side throughput: each task does `batch` operations per call; ours and theirs run in
// short alternating rounds (ABBA order). Each side reports its median round; the ratio is the
// median of the per-round ratios, each taken between two back-to-back runs. Benchmarks print;
// they never assert. Why rounds: on a shared machine the background load changes within seconds,
// and running one side for a whole second and then the other measured the load, not the code.

export interface Comparison {
  name: string;
  ours: () => unknown;
  theirs: () => unknown;
  /** Operations each call performs (e.g. packets encoded per call). */
  batch: number;
}

export interface ComparisonResult {
  name: string;
  oursPerSecond: number;
  theirsPerSecond: number;
  ratio: number;
  /** The smallest and largest of the per-round ratios. */
  ratioMin: number;
  ratioMax: number;
}

/** Rounds per side; `timeMs` is split across them. */
const ROUNDS = 20;

/** Calls `fn` until `ms` have passed; returns calls per second. */
function runFor(fn: () => unknown, ms: number): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn();
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (calls * 1000) / elapsed;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Gives the event loop (and a pending GC) a turn between rounds. */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function compare(items: readonly Comparison[], options: { timeMs: number }): Promise<ComparisonResult[]> {
  const results: ComparisonResult[] = [];
  const roundMs = Math.max(10, options.timeMs / ROUNDS);
  for (const item of items) {
    // warm-up: let both sides reach optimised code before anything is counted
    runFor(item.ours, roundMs);
    runFor(item.theirs, roundMs);
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const oursFirst = round % 4 === 0 || round % 4 === 3; // A B B A A B B A ...
      for (const side of oursFirst ? ['ours', 'theirs'] : ['theirs', 'ours']) {
        await breathe();
        if (side === 'ours') ours.push(runFor(item.ours, roundMs) * item.batch);
        else theirs.push(runFor(item.theirs, roundMs) * item.batch);
      }
    }
    const ratios = ours.map((o, i) => o / theirs[i]!);
    results.push({ name: item.name, oursPerSecond: median(ours), theirsPerSecond: median(theirs), ratio: median(ratios), ratioMin: Math.min(...ratios), ratioMax: Math.max(...ratios) });
  }
  return results;
}

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export function printTable(title: string, theirName: string, rows: readonly ComparisonResult[], unit: string): void {
  console.log(`\n## ${title}\n`);
  console.log(`| case | @x (${unit}) | ${theirName} (${unit}) | ratio, median (min-max) of ${ROUNDS} rounds |`);
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${fmt(r.oursPerSecond)} | ${fmt(r.theirsPerSecond)} | ${r.ratio.toFixed(2)}x (${r.ratioMin.toFixed(2)}-${r.ratioMax.toFixed(2)}) |`);
}
