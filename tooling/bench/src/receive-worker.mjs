// One measured receive run of one library against raw-peer.mjs, in its own process: subscribe to
// `bench/r/Q/N` (the peer answers SUBACK, then fires N pre-encoded PUBLISH in one write and acks as a
// broker would) and count messages until N were delivered, then one more SUBSCRIBE round trip
// (\`bench/sync\`): its SUBACK comes after the peer's answers to every ack the client sent, so both
// libraries have finished each message's handshake (MQTT.js delivers QoS 2 at PUBREL, we at PUBLISH)
// when the clock stops. A burst of 2,000 first warms the code up, unmeasured. Prints one JSON line.
// Usage: node receive-worker.mjs LIB PORT QOS N (LIB x, mqttjs, or raw: the reference client of raw-client.mjs)
import { Client } from '@x/mqtt';
import mqtt from 'mqtt';
import { openRawClient } from './raw-client.mjs';

const [lib, portArg, qosArg, nArg] = process.argv.slice(2);
const port = Number(portArg);
const qos = Number(qosArg);
const n = Number(nArg);

/** Both libraries through the same thin adapter: MQTT 3.1.1, clean session, keepalive 60, no reconnect. */
async function open(onMessage) {
  if (lib === 'x') {
    const client = new Client({ clientId: `bench-rx-${process.pid}`, autoReconnect: false });
    client.onMessage = onMessage;
    await client.connect('127.0.0.1', port, 60);
    return { subscribe: (topic) => client.subscribe(topic, qos), close: () => client.disconnect() };
  }
  if (lib === 'raw') {
    const client = await openRawClient({ port, clientId: `bench-rxraw-${process.pid}`, onMessage });
    return { subscribe: (topic) => client.subscribe(topic, qos), close: () => client.close() };
  }
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { protocolVersion: 4, clean: true, keepalive: 60, reconnectPeriod: 0, clientId: `bench-rxjs-${process.pid}` });
  client.on('message', onMessage);
  return { subscribe: (topic) => client.subscribeAsync(topic, { qos }), close: () => client.endAsync() };
}

let count = 0;
let want = 0;
let done = () => undefined;
const client = await open(() => {
  if (++count === want) done();
});

/** Subscribes to a burst of `size` and resolves when all of it was delivered. */
async function receive(size) {
  count = 0;
  want = size;
  const all = new Promise((resolve) => (done = resolve));
  await client.subscribe(`bench/r/${qos}/${size}`);
  await all;
  await client.subscribe('bench/sync');
}

await receive(2000); // warm-up, not measured
const t0 = performance.now();
const c0 = process.cpuUsage();
await receive(n);
const cpu = process.cpuUsage(c0);
const ms = performance.now() - t0;
await client.close();
console.log(JSON.stringify({ lib, qos, n, msgsPerSec: (n / ms) * 1000, cpuUsPerMsg: (cpu.user + cpu.system) / n }));
