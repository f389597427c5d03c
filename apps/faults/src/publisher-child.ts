// The publisher the client-crash fault SIGKILLs: publishes a numbered stream (even numbers QoS 1,
// odd QoS 2, payload "<run>:<seq>") with a FileSessionStore, and prints on stdout
//   P <run>:<seq>   after publish() returned (handed to the client),
//   D <run>:<seq>   after MessageInfo.waitForStored() resolved (on disk: the promise),
//   DONE            after every message of this run completed (PUBACK/PUBCOMP).
// Usage: node --import tsx --conditions=x-mqtt-source apps/faults/src/publisher-child.ts
//        <storeDir> <port> <clientId> <topic> <run> <count> [<perTick> <tickMs>]
import { Client, MQTTv311 } from '@x/mqtt';
import { FileSessionStore } from '@x/mqtt-store-file';
import { sleep } from './wait.js';

const [dir, port, clientId, topic, run, count, perTick = '2', tickMs = '10'] = process.argv.slice(2);
if (dir === undefined || port === undefined || clientId === undefined || topic === undefined || run === undefined || count === undefined) {
  process.stderr.write('usage: publisher-child <storeDir> <port> <clientId> <topic> <run> <count> [<perTick> <tickMs>]\n');
  process.exit(2);
}

const out = (line: string): void => void process.stdout.write(`${line}\n`);

const file = await FileSessionStore.open(dir);
if (file.corruption !== undefined) out(`CORRUPTION ${file.corruption.reason} ${file.corruption.droppedBytes}`);
const restored = (await file.load())?.outgoing.length ?? 0;
out(`RESTORED ${restored}`);

const client = new Client({ clientId, cleanSession: false, protocol: MQTTv311, sessionStore: file });
client.reconnectDelaySet(0.05, 0.5);
await client.connect('127.0.0.1', Number(port), 10);

const completions: Array<PromiseLike<unknown>> = [];
for (let seq = 0; seq < Number(count); seq++) {
  const qos = seq % 2 === 0 ? 1 : 2;
  const info = client.publish(`${topic}/q${qos}`, `${run}:${seq}`, qos);
  completions.push(info);
  out(`P ${run}:${seq}`);
  void info.waitForStored().then(() => out(`D ${run}:${seq}`));
  if (seq % Number(perTick) === Number(perTick) - 1) await sleep(Number(tickMs));
}
await Promise.all(completions);
out('DONE');
await client.disconnect();
await file.close();
