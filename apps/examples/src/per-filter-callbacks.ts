// Paho README "Callbacks / message_callback_add": a callback per topic filter. Every filter that
// matches runs its callback; onMessage gets only the messages that no filter claimed.
// Usage: example src/per-filter-callbacks.ts [mqtt://host:1883]
import { Client } from '@x/mqtt';
import { exampleBroker, runExample, timeout, uniqueTopic } from './broker.js';

const broker = await exampleBroker();
await runExample(broker, async () => {
  const base = uniqueTopic('per-filter-callbacks');
  const client = new Client();
  let calls = 0;
  const done = new Promise<void>((resolve) => {
    const seen = (who: string, topic: string): void => {
      console.log(`${who.padEnd(12)} ${topic.slice(base.length + 1)}`);
      if (++calls === 5) resolve();
    };
    client.messageCallbackAdd(`${base}/sensors/+/temperature`, (_c, _u, msg) => seen('temperature', msg.topic));
    client.messageCallbackAdd(`${base}/sensors/kitchen/#`, (_c, _u, msg) => seen('kitchen', msg.topic));
    client.onMessage = (_c, _u, msg) => seen('onMessage', msg.topic);
  });

  await client.connect(broker.url);
  await client.subscribe(`${base}/#`, 1);
  // kitchen/temperature matches both filters (2 calls), the others one callback each: 5 in all.
  for (const topic of ['sensors/kitchen/temperature', 'sensors/kitchen/humidity', 'sensors/garage/temperature', 'alarms/door']) {
    await client.publish(`${base}/${topic}`, '1', 1);
  }
  await Promise.race([done, timeout(5000, 'five callbacks')]);
  await client.disconnect();
  console.log(`${calls} callbacks`);
});
