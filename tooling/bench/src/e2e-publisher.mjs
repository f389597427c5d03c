// The publishing half of one end-to-end run: publishes WARM warm-up messages to `e2e/warm`, says
// "waiting", and on a "go" line on stdin publishes N messages of 16 B to `e2e/m` at QoS Q. MODE
// throughput: as fast as it can with at most W publishes awaited at once. MODE latency: at a fixed
// offered rate of W msgs/s (paced on a 1 ms timer, catching up to the schedule on each tick), each
// payload carrying the time it became due in its first 8 bytes; see paced().
// Usage: node e2e-publisher.mjs LIB PORT QOS MODE N WARM W
import { commands, connect, say, wallNow } from './e2e-adapter.mjs';

const [lib, portArg, qosArg, mode, nArg, warmArg, wArg] = process.argv.slice(2);
const qos = Number(qosArg);
const n = Number(nArg);
const warm = Number(warmArg);
const w = Number(wArg);
const constant = Buffer.from('sixteen bytes!!!');

const command = commands();
const client = await connect(lib, Number(portArg), 'pub');

/** `count` publishes of `payload()` to `topic`, at most `window` awaited at once. */
async function burst(topic, count, window, payload) {
  const pending = [];
  for (let i = 0; i < count; i++) {
    pending.push(client.publish(topic, payload(), qos));
    if (pending.length >= window) {
      await Promise.all(pending);
      pending.length = 0;
    }
  }
  await Promise.all(pending);
}

function stamped(at) {
  const payload = Buffer.allocUnsafe(16);
  payload.fill(0x61, 8);
  payload.writeDoubleBE(at, 0);
  return payload;
}

/**
 * N publishes at `rate` per second; resolves when the last was handed to the client. On each tick the
 * messages whose time has come become due, stamped with that tick's time: a message's latency runs
 * from when the application wanted to send it. MQTT.js has no in-flight window and mosquitto drops a
 * 3.1.1 client with more than max_inflight_messages (20) QoS 2 messages unanswered, so MQTT.js gets
 * the window ours has by default (20) here: due messages wait for a free slot, keeping their stamp.
 */
function paced(rate) {
  const dueAt = new Float64Array(n);
  const limit = lib !== 'x' && qos > 0 ? 20 : Infinity; // MQTT.js and the reference client have no window
  let due = 0;
  let sent = 0;
  let outstanding = 0;
  let resolveAll;
  const all = new Promise((resolve) => (resolveAll = resolve));
  const settled = () => {
    outstanding--;
    drain();
  };
  const drain = () => {
    while (sent < due && outstanding < limit) {
      const p = client.publish('e2e/m', stamped(dueAt[sent]), qos);
      sent++;
      if (p instanceof Promise) {
        // MQTT.js: counted for its window, and no unhandled rejection at close; ours makes no promise unless awaited
        outstanding++;
        p.then(settled, settled);
      }
    }
    if (sent === n) resolveAll();
  };
  const start = performance.now();
  const tick = () => {
    const now = wallNow();
    const until = Math.min(n, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
    for (; due < until; due++) dueAt[due] = now;
    drain();
    if (due < n) setTimeout(tick, 1);
  };
  tick();
  return all;
}

await burst('e2e/warm', warm, qos === 0 ? 100 : 20, () => constant);
say('waiting');
await command(); // go
const firstAt = wallNow();
const c0 = process.cpuUsage();
if (mode === 'latency') await paced(w);
else await burst('e2e/m', n, w, () => constant);
const sentAt = wallNow();
const cpu = process.cpuUsage(c0);
say('result', { firstAt, sentAt, cpuUs: cpu.user + cpu.system });
// stay connected until the orchestrator has the subscriber's result: QoS 1/2 flows finish meanwhile
await command(); // end
await client.close();
process.exit(0);
