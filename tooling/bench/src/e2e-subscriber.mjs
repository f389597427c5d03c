// The subscribing half of one end-to-end run: subscribes to `e2e/#` at QoS Q, counts WARM warm-up
// messages (`e2e/warm`), then measures the next N (`e2e/m`): CPU from the last warm-up message on,
// the arrival time of the last one and, with MODE latency, each message's publish-to-receive latency
// from the send time in its first 8 bytes (float64, the shared clock of e2e-adapter.mjs).
// Stops at N, or when nothing arrived for 5 s (the rest counts as lost).
// Usage: node e2e-subscriber.mjs LIB PORT QOS MODE N WARM
import { connect, say, wallNow } from './e2e-adapter.mjs';

const [lib, portArg, qosArg, mode, nArg, warmArg] = process.argv.slice(2);
const qos = Number(qosArg);
const n = Number(nArg);
const warm = Number(warmArg);
const IDLE_MS = 5000;

const latencies = mode === 'latency' ? new Float64Array(n) : undefined;
let warmed = 0;
let received = 0;
let c0;
let lastAt = 0;
let idle;
let finish;
const finished = new Promise((resolve) => (finish = resolve));
const rearm = () => {
  clearTimeout(idle);
  idle = setTimeout(finish, IDLE_MS);
};

const client = await connect(lib, Number(portArg), 'sub', (topic, payload) => {
  if (topic === 'e2e/warm') {
    if (++warmed === warm) {
      c0 = process.cpuUsage();
      say('warmed');
      rearm();
    }
    return;
  }
  const now = wallNow();
  if (latencies !== undefined) latencies[received] = now - new DataView(payload.buffer, payload.byteOffset, 8).getFloat64(0);
  lastAt = now;
  if (++received === n) finish();
  else if ((received & 1023) === 0) rearm();
});
await client.subscribe('e2e/#', qos);
say('ready');
await finished;
clearTimeout(idle);
const cpu = process.cpuUsage(c0);
const result = { received, lastAt, cpuUs: cpu.user + cpu.system };
if (latencies !== undefined) {
  const sorted = latencies.subarray(0, received).sort();
  const at = (q) => sorted[Math.min(received - 1, Math.floor(q * received))];
  Object.assign(result, { p50: at(0.5), p99: at(0.99), p999: at(0.999), max: sorted[received - 1] });
}
say('result', result);
await client.close();
process.exit(0);
