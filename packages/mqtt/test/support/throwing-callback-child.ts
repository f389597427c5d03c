// A child process for the callback-exception test: connects to the broker on argv[2], subscribes,
// and throws from onMessage. Prints what it logged and saw; argv[3] === 'suppress' sets suppressExceptions.
import { Client, MQTT_LOG_ERR } from '../../src/index.js';

const port = Number(process.argv[2]);
const suppress = process.argv[3] === 'suppress';
const topic = `test/throwing-callback/${process.pid}`;
const client = new Client({ suppressExceptions: suppress });
let count = 0;
client.onLog = (_c, _u, level, line) => {
  if (level === MQTT_LOG_ERR) console.log(`ERR ${line.split('\n')[0]}`);
};
client.onMessage = () => {
  count++;
  console.log(`message ${count}`);
  if (count === 1) throw new Error('boom from onMessage');
  void client.disconnect().then(() => console.log('still running'));
};
await client.connect('127.0.0.1', port);
await client.subscribe(topic, 1);
client.publish(topic, 'one', 1);
client.publish(topic, 'two', 1);
