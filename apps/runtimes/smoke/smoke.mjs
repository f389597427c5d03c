// The runtime smoke: run by Node, Deno or Bun against a running mosquitto, it imports the BUILT
// packages (ESM dist, by package name) and prints one `SMOKE {json}` line per check, then
// `SMOKE-END`. It never decides pass/fail for the runtime it runs in: the test reads the lines.
// usage: <runtime> smoke.mjs '{"host":"127.0.0.1","ports":{"mqtt":1,"mqtts":2,"ws":3,"wss":4},"caFile":"..."}'
import process from 'node:process';
import { runCodecCheck } from './codec-check.mjs';
import { runClientCheck } from './client-check.mjs';

const config = JSON.parse(process.argv[2] ?? '{}');
const runtime = runtimeName();
const CHECK_TIMEOUT = 15_000;

function runtimeName() {
  if (typeof globalThis.Deno === 'object') return `deno ${globalThis.Deno.version.deno}`;
  if (typeof globalThis.Bun === 'object') return `bun ${globalThis.Bun.version}`;
  return `node ${process.versions.node}`;
}

function report(line) {
  console.log(`SMOKE ${JSON.stringify(line)}`);
}

async function check(name, run) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${CHECK_TIMEOUT} ms`)), CHECK_TIMEOUT);
  });
  try {
    const detail = await Promise.race([run(), timeout]);
    report({ check: name, status: detail?.skipped === undefined ? 'pass' : 'skip', ...detail });
  } catch (error) {
    report({ check: name, status: 'fail', error: `${error?.code ?? error?.name ?? 'Error'}: ${error?.message ?? String(error)}` });
  } finally {
    clearTimeout(timer);
  }
}

// Which files the package names resolve to here: the built ESM entries, never the TypeScript sources.
const entries = Object.fromEntries(['@x/mqtt', '@x/mqtt/browser', '@x/mqtt-codec'].map((name) => [name, import.meta.resolve(name)]));
report({ check: 'runtime', status: 'pass', runtime, entries });
await check('codec', runCodecCheck);

// The Node entry of @x/mqtt (what `import '@x/mqtt'` resolves to outside a bundler): tcp, tls,
// and ws/wss with the `ws` package.
const nodeEntry = await import('@x/mqtt');
for (const [name, url] of [
  ['tcp', `mqtt://${config.host}:${config.ports.mqtt}`],
  ['tls', `mqtts://${config.host}:${config.ports.mqtts}`],
  ['ws', `ws://${config.host}:${config.ports.ws}/mqtt`],
  ['wss', `wss://${config.host}:${config.ports.wss}/mqtt`],
]) {
  await check(name, () => runClientCheck(nodeEntry.Client, url, { caFile: config.caFile, tag: `${runtime}/${name}` }));
}

// The runtime's own WebSocket (the browser entry, @x/mqtt/browser): only where there is one.
for (const [name, url] of [
  ['native-ws', `ws://${config.host}:${config.ports.ws}/mqtt`],
  ['native-wss', `wss://${config.host}:${config.ports.wss}/mqtt`],
]) {
  await check(name, async () => {
    if (typeof globalThis.WebSocket !== 'function') return { skipped: 'this runtime has no global WebSocket' };
    const browserEntry = await import('@x/mqtt/browser');
    return runClientCheck(browserEntry.Client, url, { tag: `${runtime}/${name}` });
  });
}

console.log('SMOKE-END');
process.exit(0);
