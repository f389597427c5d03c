// What a connection costs: N clients connected to tooling/bench/src/raw-peer.mjs, RSS / heap / external per
// connection after gc(). Usage: node --expose-gc profile-connections.mjs PORT N (build first)
import { Client } from '@x/mqtt';

const [port = '18830', nArg = '1000'] = process.argv.slice(2);
const n = Number(nArg);
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((r) => setTimeout(r, 50));
  }
};
const clients = [];
await settle();
const before = process.memoryUsage();
for (let i = 0; i < n; i += 50) {
  const batch = [];
  for (let j = i; j < Math.min(n, i + 50); j++) {
    const c = new Client({ clientId: `conn-${j}` });
    clients.push(c);
    batch.push(c.connect('127.0.0.1', Number(port), 60));
  }
  await Promise.all(batch);
}
await settle();
const after = process.memoryUsage();
const per = (k) => +((after[k] - before[k]) / n / 1024).toFixed(1);
console.log(JSON.stringify({ n, rssKiB: per('rss'), heapKiB: per('heapUsed'), externalKiB: per('external'), arrayBuffersKiB: per('arrayBuffers') }));
await Promise.all(clients.map((c) => c.disconnect()));
