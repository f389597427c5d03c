// The quick-start tour (`npx -y pnpm@10.34.9 demo`): connect, subscribe, publish at QoS 0, 1 and 2, watch a will
// fire, then encode and decode a few packets with the codec alone. Uses an embedded aedes unless
// a broker URL is given. Takes a second or two; exits 0 only if every step worked.
// Usage: npx -y pnpm@10.34.9 demo [mqtt://host:1883]
import { Socket } from 'node:net';
import { Client, type MqttMessage } from '@x/mqtt';
import { exampleBroker, runExample, timeout, uniqueTopic } from './broker.js';

const started = Date.now();
const step = (title: string, text: string): void => console.log(`${title.padEnd(10)} ${text}`);

const broker = await exampleBroker();
await runExample(broker, async () => {
  const base = uniqueTopic('demo');
  console.log(`\n@x/mqtt demo, broker ${broker.url}\n`);

  const client = new Client();
  const inbox: MqttMessage[] = [];
  let wake = (): void => undefined;
  client.onMessage = (_c, _u, msg) => {
    inbox.push(msg);
    wake();
  };
  const nextMessage = async (): Promise<MqttMessage> => {
    while (inbox.length === 0) await Promise.race([new Promise<void>((resolve) => (wake = resolve)), timeout(5000, 'a message')]);
    return inbox.shift() as MqttMessage;
  };

  const connack = await client.connect(broker.url);
  step('connect', `connected as ${client.clientId} (session present: ${connack.sessionPresent})`);
  const suback = await client.subscribe(`${base}/#`, 2);
  step('subscribe', `${base}/# granted QoS ${suback.reasonCodes.join(', ')}`);

  for (const qos of [0, 1, 2] as const) {
    const what = ['at most once', 'at least once (PUBACK)', 'exactly once (PUBREC, PUBREL, PUBCOMP)'][qos];
    await client.publish(`${base}/qos${qos}`, `hello at QoS ${qos}`, qos);
    const msg = await nextMessage();
    step(qos === 0 ? 'publish' : '', `QoS ${qos} ${what}: received "${msg.text()}" on .../${msg.topic.split('/').pop()} at QoS ${msg.qos}`);
  }

  const device = new Client({ autoReconnect: false });
  device.willSet(`${base}/device/status`, 'offline (will)', 1);
  await device.connect(broker.url);
  const socket = device.socket();
  if (!(socket instanceof Socket)) throw new Error('expected a TCP socket');
  socket.destroy(); // the device drops off without DISCONNECT: the broker publishes its will
  const will = await nextMessage();
  step('will', `a device's connection died; the broker published "${will.text()}" to .../device/status`);
  await client.disconnect();

  console.log('\ncodec     the codec on its own, no broker:');
  await import('./codec-demo.js');
  console.log(`\ndone in ${((Date.now() - started) / 1000).toFixed(1)} s. Next: npx -y pnpm@10.34.9 --filter @x/examples example src/getting-started.ts`);
});
