// The engine alone, in process: MqttEngine over a transport that answers CONNECT with CONNACK,
// acknowledges QoS 1 at once (in one chunk per window) and discards everything else, so no socket,
// kernel or peer is measured. Prints ns per publish (wall and CPU). For profiles (--cpu-prof), not
// for the README tables. Usage, after a build: node tooling/bench/scripts/engine-publish.mjs [QOS]
import { MqttEngine } from '../../../packages/mqtt-core/dist/index.js';
const qos = Number(process.argv[2] ?? 0);
let handlers;
const transport = {
  async connect(h) {
    handlers = h;
    return {
      write(bytes) {
        // CONNECT -> CONNACK; PUBLISH qos1 -> PUBACK
        const t = bytes[0] >> 4;
        if (t === 1) queueMicrotask(() => handlers.onData(Uint8Array.of(0x20, 2, 0, 0)));
        else if (t === 3 && qos === 1) {
          // walk packets in this buffer
          let p = 0;
          while (p < bytes.length) {
            let len = 0, mul = 1, i = p + 1, b;
            do { b = bytes[i++]; len += (b & 127) * mul; mul *= 128; } while (b & 128);
            const tl = (bytes[i] << 8) | bytes[i + 1];
            const id = (bytes[i + 2 + tl] << 8) | bytes[i + 3 + tl];
            acks.push(0x40, 2, id >> 8, id & 255);
            p = i + len;
          }
        }
        return true;
      },
      end() { queueMicrotask(() => handlers.onClose()); }, destroy() { queueMicrotask(() => handlers.onClose()); },
    };
  },
};
let acks = [];
const engine = new MqttEngine({ transports: transport, clientId: 'm', keepalive: 60, autoReconnect: false, protocolVersion: 4, cleanSession: true, maxInflightMessages: 20 });
await engine.connect();
const payload = new Uint8Array(16);
const N = 1_000_000, W = qos === 0 ? 100 : 20;
async function run(n) {
  const pending = [];
  for (let i = 0; i < n; i++) {
    pending.push(engine.publish('bench/t', payload, { qos }).done);
    if (pending.length >= W) {
      if (acks.length) { const a = Uint8Array.from(acks); acks = []; handlers.onData(a); }
      await Promise.all(pending); pending.length = 0;
    }
  }
  if (acks.length) { const a = Uint8Array.from(acks); acks = []; handlers.onData(a); }
  await Promise.all(pending);
}
await run(50000);
const t0 = process.hrtime.bigint(); const c0 = process.cpuUsage();
await run(N);
const c = process.cpuUsage(c0);
console.log(`engine qos${qos}: ${(Number(process.hrtime.bigint() - t0) / N).toFixed(0)} ns/publish wall, ${((c.user + c.system) * 1000 / N).toFixed(0)} ns cpu`);
process.exit(0);
