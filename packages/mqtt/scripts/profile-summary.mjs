// Summarises a .cpuprofile: self time per function (top 25) and the GC share.
// Usage: node profile-summary.mjs FILE.cpuprofile
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
let total = 0;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  const t = dt[i] ?? 0;
  total += t;
  self.set(key, (self.get(key) ?? 0) + t);
});
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 25));
for (const [k, t] of rows) console.log(`${((t / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
