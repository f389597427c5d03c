// One measured run of one library: N connections from this process to a broker, at most C being
// opened at once, each subscribing once (connect, CONNACK, SUBSCRIBE, SUBACK) before the next starts.
// Reports the time to connect all, client CPU per connection, and RSS / heap per connection after
// gc() against the same figures taken before the first connection (run with --expose-gc).
// Prints one JSON line. Usage: node --expose-gc connections-worker.mjs LIB PORT N C
import { openConnection, settleHeap } from './connection-adapter.mjs';

const [lib, portArg, nArg, cArg] = process.argv.slice(2);
const port = Number(portArg);
const n = Number(nArg);
const concurrency = Number(cArg);

const clients = new Array(n);
await settleHeap();
const before = process.memoryUsage();
const t0 = performance.now();
const c0 = process.cpuUsage();
let next = 0;
let failed = 0;
let firstError;
async function lane() {
  while (next < n) {
    const i = next++;
    try {
      clients[i] = await openConnection(lib, port, i);
    } catch (error) {
      failed++;
      firstError ??= String(error?.code ?? error?.message ?? error);
    }
  }
}
await Promise.all(Array.from({ length: Math.min(concurrency, n) }, lane));
const cpu = process.cpuUsage(c0);
const ms = performance.now() - t0;
await settleHeap();
const after = process.memoryUsage();
const opened = n - failed;
const perKiB = (key) => (after[key] - before[key]) / opened / 1024;
console.log(
  JSON.stringify({ lib, n, opened, failed, firstError, ms, cpuUsPerConn: (cpu.user + cpu.system) / opened, rssKiB: perKiB('rss'), heapKiB: perKiB('heapUsed'), externalKiB: perKiB('external'), arrayBuffersKiB: perKiB('arrayBuffers') }),
);
process.exit(0); // the broker sees every socket close at once; a clean DISCONNECT of 10,000 is not what is measured
