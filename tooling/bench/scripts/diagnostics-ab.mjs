// A/B of the diagnostics hooks' cost when nobody subscribes: the client-only publish QoS 0 loop
// through a Client (Node platform, diagnostics_channel hooks installed) and through a ClientBase on
// the Node platform without instrument() (no observer, no tracer: what the browser entry has).
// Against tooling/bench/src/raw-peer.mjs PORT; run the variants interleaved, compare CPU per message.
// Usage, after a build: node tooling/bench/scripts/diagnostics-ab.mjs hooks|plain PORT N
import { Client, ClientBase, nodePlatform } from '@x/mqtt';
const [variant, portArg, nArg] = process.argv.slice(2);
const port = Number(portArg), n = Number(nArg);
const { instrument: _drop, ...plain } = nodePlatform;
const client = variant === 'hooks' ? new Client({ clientId: `ab-${process.pid}`, autoReconnect: false }) : new ClientBase(plain, { clientId: `ab-${process.pid}`, autoReconnect: false });
await client.connect('127.0.0.1', port, 60);
for (let i = 0; i < 2000; i++) await client.publish('bench/warm', 'sixteen bytes!!!', 0);
const c0 = process.cpuUsage();
const pending = [];
for (let i = 0; i < n; i++) {
  pending.push(client.publish('bench/t', 'sixteen bytes!!!', 0));
  if (pending.length >= 100) { await Promise.all(pending); pending.length = 0; }
}
await Promise.all(pending);
const cpu = process.cpuUsage(c0);
await client.disconnect();
console.log(JSON.stringify({ variant, cpuUsPerMsg: (cpu.user + cpu.system) / n }));
