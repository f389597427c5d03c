// Fails when a package imports against the dependency direction of DESIGN.md:
// codec <- core <- transports, helpers, stores <- facade <- apps. codec and core import no node:*.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));

/** What each package's src may import: workspace packages by name, and whether node built-ins are allowed. */
const RULES = {
  '@x/mqtt-codec': { allow: [], node: false, external: [] },
  '@x/mqtt-core': { allow: ['@x/mqtt-codec'], node: false, external: [] },
  '@x/mqtt-transport-tcp': { allow: ['@x/mqtt-codec', '@x/mqtt-core'], node: true, external: [] },
  '@x/mqtt-transport-tls': { allow: ['@x/mqtt-codec', '@x/mqtt-core', '@x/mqtt-transport-tcp'], node: true, external: [] },
  '@x/mqtt-transport-ws': { allow: ['@x/mqtt-codec', '@x/mqtt-core', '@x/mqtt-transport-tcp'], node: true, external: ['ws'] },
  '@x/mqtt-helpers': { allow: ['@x/mqtt-codec', '@x/mqtt-core'], node: false, external: [] },
  '@x/mqtt-store-file': { allow: ['@x/mqtt-codec', '@x/mqtt-core'], node: true, external: [] },
  '@x/mqtt-store-indexeddb': { allow: ['@x/mqtt-codec', '@x/mqtt-core'], node: false, external: [] },
  '@x/mqtt': {
    allow: ['@x/mqtt-codec', '@x/mqtt-core', '@x/mqtt-transport-tcp', '@x/mqtt-transport-tls', '@x/mqtt-transport-ws', '@x/mqtt-helpers', '@x/mqtt-store-file'],
    node: true,
    external: [],
  },
  '@x/mqtt-cli': { allow: ['@x/mqtt'], node: true, external: [] },
  // Subscribes to the facade's diagnostics channels; @opentelemetry/api is a peer dependency.
  '@x/mqtt-otel': { allow: ['@x/mqtt'], node: true, external: ['@opentelemetry/api'] },
};

const NODE_BUILTINS = new Set(['fs', 'net', 'tls', 'os', 'path', 'crypto', 'events', 'stream', 'dns', 'http', 'https', 'url', 'util', 'buffer', 'child_process', 'timers']);
const IMPORT_RE = /(?:^|[^\w.])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w.])require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(name)) yield path;
  }
}

function packageOf(specifier) {
  if (specifier.startsWith('node:')) return 'node:';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const problems = [];
const packagesDir = join(root, 'packages');
for (const dirName of readdirSync(packagesDir)) {
  const pkgJson = join(packagesDir, dirName, 'package.json');
  if (!existsSync(pkgJson)) continue;
  const { name } = JSON.parse(readFileSync(pkgJson, 'utf8'));
  const rule = RULES[name];
  if (!rule) {
    problems.push(`${name}: no dependency rule in tooling/check-deps.mjs (add one before adding the package)`);
    continue;
  }
  const src = join(packagesDir, dirName, 'src');
  if (!existsSync(src)) continue;
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT_RE)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
      if (!specifier || specifier.startsWith('.')) continue;
      const target = packageOf(specifier);
      const where = relative(root, file);
      const isNode = target === 'node:' || NODE_BUILTINS.has(target);
      if (isNode) {
        if (!rule.node) problems.push(`${where}: ${name} must not import the Node built-in '${specifier}'`);
      } else if (target.startsWith('@x/')) {
        if (!rule.allow.includes(target)) problems.push(`${where}: ${name} must not import ${target} (dependencies point codec <- core <- transports/helpers <- facade)`);
      } else if (!rule.external.includes(target)) {
        problems.push(`${where}: ${name} imports '${target}', which is not an allowed runtime dependency`);
      }
    }
    if (!rule.node && /\bBuffer\b/.test(text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, ''))) {
      problems.push(`${relative(root, file)}: ${name} must not use Buffer (use Uint8Array)`);
    }
  }
}

if (problems.length > 0) {
  console.error(`Dependency direction check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Dependency direction check passed (${Object.keys(RULES).length} package rules).`);
