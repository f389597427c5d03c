// Where the memory of N idle connections goes: opens N connections to a broker the way
// connections-worker.mjs does (lib x, js, or raw: a bare net.Socket doing CONNECT/SUBSCRIBE by hand),
// writes heap snapshots before and after, and prints heap/RSS per connection and the constructors
// whose self size grew most, per connection. Not part of `bench`: a tool for reading where bytes go.
// Usage: node --expose-gc memory-probe.mjs LIB PORT N [SNAPSHOT_DIR]
import net from 'node:net';
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { openConnection, settleHeap } from './connection-adapter.mjs';

const [lib, portArg, nArg, dir] = process.argv.slice(2);
const port = Number(portArg);
const n = Number(nArg);

function rawPacket(type, body) {
  return Buffer.concat([Buffer.from([type, body.length]), body]);
}
function str(s) {
  const b = Buffer.from(s);
  return Buffer.concat([Buffer.from([b.length >> 8, b.length & 255]), b]);
}
function rawOne(i) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let step = 0;
    socket.on('error', reject);
    socket.on('connect', () => socket.write(rawPacket(0x10, Buffer.concat([str('MQTT'), Buffer.from([4, 2, 0, 60]), str(`conn-raw-${process.pid}-${i}`)]))));
    socket.on('data', () => {
      if (step++ === 0) socket.write(rawPacket(0x82, Buffer.concat([Buffer.from([0, 1]), str(`conn/${i}`), Buffer.from([0])])));
      else resolve(socket);
    });
  });
}

function openOne(i) {
  return lib === 'raw' ? rawOne(i) : openConnection(lib, port, i);
}


/** Self size and count per "type:name" of a heap snapshot. */
function aggregate(file) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const nodes = snap.nodes;
  const by = new Map();
  for (let k = 0; k < nodes.length; k += width) {
    const type = types[nodes[k + iType]];
    let name = type === 'object' || type === 'closure' || type === 'native' ? snap.strings[nodes[k + iName]] : '';
    if (name.length > 60) name = name.slice(0, 60);
    const key = `${type}:${name}`;
    const e = by.get(key) ?? { size: 0, count: 0 };
    e.size += nodes[k + iSize];
    e.count++;
    by.set(key, e);
  }
  return by;
}

const clients = [];
await settleHeap();
const before = process.memoryUsage();
if (dir) v8.writeHeapSnapshot(`${dir}/${lib}-before.heapsnapshot`);
await settleHeap();
const before2 = process.memoryUsage();
let next = 0;
async function lane() {
  while (next < n) clients.push(await openOne(next++));
}
await Promise.all(Array.from({ length: Math.min(50, n) }, lane));
await settleHeap();
const after = process.memoryUsage();
const per = (k, b) => ((after[k] - b[k]) / n / 1024).toFixed(2);
console.log(JSON.stringify({ lib, n, rssKiB: per('rss', before2), heapKiB: per('heapUsed', before2), externalKiB: per('external', before2) }));
if (dir) {
  v8.writeHeapSnapshot(`${dir}/${lib}-after.heapsnapshot`);
  const a = aggregate(`${dir}/${lib}-before.heapsnapshot`);
  const b = aggregate(`${dir}/${lib}-after.heapsnapshot`);
  const rows = [...b].map(([key, e]) => ({ key, bytes: (e.size - (a.get(key)?.size ?? 0)) / n, count: (e.count - (a.get(key)?.count ?? 0)) / n })).filter((r) => r.bytes > 8).sort((x, y) => y.bytes - x.bytes);
  let total = 0;
  for (const r of rows) total += r.bytes;
  console.log(`snapshot growth per connection: ${(total / 1024).toFixed(2)} KiB`);
  for (const r of rows.slice(0, 45)) console.log(`${r.bytes.toFixed(0).padStart(6)} B  ${r.count.toFixed(2).padStart(6)}x  ${r.key}`);
}
process.exit(0);
