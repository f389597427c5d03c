// The consumer the manual-ack crash fault SIGKILLs: a manualAck client with a FileSessionStore and
// cleanSession false, subscribed at QoS 1. It prints on stdout
//   READY           once subscribed,
//   M <payload>     for each message received,
//   A <payload>     after acking it (mode "ack" only; mode "hold" never acks).
// Usage: node --import tsx --conditions=x-mqtt-source apps/faults/src/consumer-child.ts
//        <storeDir> <port> <clientId> <topic> <hold|ack>
import { Client, MQTTv311 } from '@x/mqtt';
import { FileSessionStore } from '@x/mqtt-store-file';

const [dir, port, clientId, topic, mode] = process.argv.slice(2);
if (dir === undefined || port === undefined || clientId === undefined || topic === undefined || (mode !== 'hold' && mode !== 'ack')) {
  process.stderr.write('usage: consumer-child <storeDir> <port> <clientId> <topic> <hold|ack>\n');
  process.exit(2);
}

const out = (line: string): void => void process.stdout.write(`${line}\n`);

const file = await FileSessionStore.open(dir);
const client = new Client({ clientId, cleanSession: false, protocol: MQTTv311, sessionStore: file, manualAck: true });
client.onMessage = (_c, _u, message) => {
  out(`M ${message.text()}`);
  if (mode === 'ack' && message.ack()) out(`A ${message.text()}`);
};
await client.connect('127.0.0.1', Number(port), 10);
await client.subscribe(topic, 1);
out('READY');
