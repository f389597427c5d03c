// Client-only publish profile (built packages): N publishes at QoS q, at most W awaited at once,
// against tooling/bench/src/raw-peer.mjs. Usage: node profile-publish.mjs PORT QOS N W (build first)
import { Client } from '@x/mqtt';

const [port = '18830', qosArg = '0', nArg = '200000', wArg = '100'] = process.argv.slice(2);
const qos = Number(qosArg);
const n = Number(nArg);
const window = Number(wArg);
const client = new Client({ clientId: 'profile' });
await client.connect('127.0.0.1', Number(port), 60);
const t0 = performance.now();
const c0 = process.cpuUsage();
const inflight = [];
for (let i = 0; i < n; i++) {
  inflight.push(client.publish('bench/t', 'sixteen bytes!!!', qos));
  if (inflight.length >= window) {
    await Promise.all(inflight);
    inflight.length = 0;
  }
}
await Promise.all(inflight);
const cpu = process.cpuUsage(c0);
const ms = performance.now() - t0;
console.log(JSON.stringify({ qos, n, window, msgsPerSec: Math.round((n / ms) * 1000), cpuUsPerMsg: +((cpu.user + cpu.system) / n).toFixed(2) }));
await client.disconnect();
