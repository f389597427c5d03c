// A thin layer over tinybench: run tasks that each do `batch` operations, report operations/s,
// and print both sides of a comparison with the ratio. Benchmarks print; they never assert.
import { Bench } from 'tinybench';

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
}

export async function compare(items: readonly Comparison[], options: { timeMs: number }): Promise<ComparisonResult[]> {
  const results: ComparisonResult[] = [];
  for (const item of items) {
    const bench = new Bench({ time: options.timeMs, warmup: true });
    bench.add('ours', item.ours).add('theirs', item.theirs);
    await bench.run();
    const [ours, theirs] = bench.tasks.map((task) => {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`${item.name}: task ${task.name} ${result.state}`);
      return (1000 / result.period) * item.batch;
    });
    results.push({ name: item.name, oursPerSecond: ours!, theirsPerSecond: theirs!, ratio: ours! / theirs! });
  }
  return results;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export function printTable(title: string, theirName: string, rows: readonly ComparisonResult[], unit: string): void {
  console.log(`\n## ${title}\n`);
  console.log(`| case | @x (${unit}) | ${theirName} (${unit}) | ratio |`);
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${fmt(r.oursPerSecond)} | ${fmt(r.theirsPerSecond)} | ${r.ratio.toFixed(2)}x |`);
}
