// Bundles the page (src/page.ts -> dist/page.js) for browsers, and @x/mqtt's whole browser entry
// (dist/x-mqtt.min.js, to compare with MQTT.js's dist/mqtt.min.js). Minified, "browser" condition.
// Fails when a node:* module or the `ws` package ends up in a bundle (read from esbuild's metafile).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = fileURLToPath(new URL('.', import.meta.url));

const common = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  conditions: ['browser', 'x-mqtt-source'],
  target: 'es2022',
  minify: true,
  metafile: true,
  absWorkingDir: here,
  logLevel: 'warning',
};

const bundles = [
  { name: 'page', options: { entryPoints: ['src/page.ts'], outfile: 'dist/page.js' } },
  {
    name: 'library',
    options: { stdin: { contents: "export * from '@x/mqtt';", resolveDir: here, loader: 'ts', sourcefile: 'library.ts' }, outfile: 'dist/x-mqtt.min.js' },
  },
];

/** Inputs and imports that must never reach a browser bundle. */
function forbiddenIn(metafile) {
  const isForbidden = (path) => path.startsWith('node:') || /(^|\/)node_modules\/(\.pnpm\/ws@[^/]+\/node_modules\/)?ws\//.test(path) || /^ws(\/|$)/.test(path);
  const found = Object.keys(metafile.inputs).filter(isForbidden);
  for (const output of Object.values(metafile.outputs)) {
    for (const { path, external } of output.imports) if (external || isForbidden(path)) found.push(`import ${path}`);
  }
  return found;
}

const sizes = {};
let failed = false;
for (const { name, options } of bundles) {
  const result = await build({ ...common, ...options });
  const forbidden = forbiddenIn(result.metafile);
  if (forbidden.length > 0) {
    console.error(`FAIL: the ${name} bundle pulls in Node-only modules:\n  ${forbidden.join('\n  ')}`);
    failed = true;
  }
  const bytes = await readFile(new URL(options.outfile, new URL('.', import.meta.url)));
  sizes[name] = { file: options.outfile, minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
  const inputs = Object.keys(result.metafile.inputs).length;
  console.log(`${options.outfile.padEnd(20)} ${String(bytes.length).padStart(7)} B minified, ${String(sizes[name].gzipped).padStart(6)} B gzipped (${inputs} modules)`);
}
if (failed) process.exit(1);
