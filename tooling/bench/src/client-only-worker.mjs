// One measured run of one library against raw-peer.mjs, in its own process (so the libraries'
// heaps and JIT state never mix): N publishes at QoS q, at most W awaited at once, through each
// library's promise API (LIB raw: the reference client of raw-client.mjs). Prints one JSON line. Usage: node client-only-worker.mjs LIB PORT QOS N W
import { Client } from '@x/mqtt';
import mqtt from 'mqtt';
import { openRawClient } from './raw-client.mjs';

const [lib, portArg, qosArg, nArg, wArg] = process.argv.slice(2);
const port = Number(portArg);
const qos = Number(qosArg);
const n = Number(nArg);
const window = Number(wArg);
const payload = 'sixteen bytes!!!';

/** Both libraries through the same thin adapter: MQTT 3.1.1, clean session, keepalive 60, no reconnect. */
async function open() {
  if (lib === 'x') {
    const client = new Client({ clientId: `bench-x-${process.pid}`, autoReconnect: false });
    if (window > 20) client.maxInflightMessagesSet(window); // our default window is Paho's 20; MQTT.js has none
    await client.connect('127.0.0.1', port, 60);
    return { publish: (topic) => client.publish(topic, payload, qos), close: () => client.disconnect() };
  }
  if (lib === 'raw') {
    const client = await openRawClient({ port, clientId: `bench-raw-${process.pid}` });
    return { publish: (topic) => client.publish(topic, payload, qos), close: () => client.close() };
  }
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { protocolVersion: 4, clean: true, keepalive: 60, reconnectPeriod: 0, clientId: `bench-mqttjs-${process.pid}` });
  return { publish: (topic) => client.publishAsync(topic, payload, { qos }), close: () => client.endAsync() };
}

const client = await open();
for (let i = 0; i < 2000; i++) await client.publish('bench/warm'); // warm-up, not measured
const t0 = performance.now();
const c0 = process.cpuUsage();
const pending = [];
for (let i = 0; i < n; i++) {
  pending.push(client.publish('bench/t'));
  if (pending.length >= window) {
    await Promise.all(pending);
    pending.length = 0;
  }
}
await Promise.all(pending);
const cpu = process.cpuUsage(c0);
const ms = performance.now() - t0;
await client.close();
console.log(JSON.stringify({ lib, qos, n, window, msgsPerSec: (n / ms) * 1000, cpuUsPerMsg: (cpu.user + cpu.system) / n }));
