// Bundle sizes: each entry bundled for the browser with esbuild, minified, then gzipped.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export interface SizeRow {
  name: string;
  minified: number;
  gzipped: number;
}

/** Bundles `contents` (an entry written inline) for the browser and measures it. */
export async function bundleSize(name: string, contents: string, resolveDir: string, conditions: readonly string[] = ['x-mqtt-source']): Promise<SizeRow> {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    treeShaking: true,
    conditions: [...conditions],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { name, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

export function fileSize(name: string, bytes: Uint8Array): SizeRow {
  return { name, minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}

export const benchDir = fileURLToPath(new URL('..', import.meta.url));

/** A row, or a line saying why that bundle could not be measured. */
export function printSizes(rows: readonly (SizeRow | string)[]): void {
  console.log('\n## Bundle size (browser, minified)\n');
  console.log('| bundle | minified (B) | gzipped (B) |');
  console.log('|---|---:|---:|');
  for (const r of rows) {
    if (typeof r === 'string') console.log(`| ${r} | n/a | n/a |`);
    else console.log(`| ${r.name} | ${r.minified.toLocaleString('en-US')} | ${r.gzipped.toLocaleString('en-US')} |`);
  }
}
