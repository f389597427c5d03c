// Paho README "Subscribe / Simple": subscribe.simple() connects, subscribes, returns the first
// message (or `msgCount` of them), and disconnects. Here the message is a retained one published
// just before, which is why `retained: true` is needed; the retained message is cleared after.
// Usage: example src/subscribe-simple.ts [mqtt://host:1883]
import { publish, subscribe } from '@x/mqtt';
import { exampleBroker, helperTarget, runExample, timeout, uniqueTopic } from './broker.js';

const broker = await exampleBroker();
await runExample(broker, async () => {
  const topic = `${uniqueTopic('subscribe-simple')}/paho/test/simple`;
  const target = helperTarget(broker.url);

  await publish.single(topic, 'the last known value', { ...target, qos: 1, retain: true });
  console.log(`published a retained message to ${topic}`);

  const result = await Promise.race([subscribe.simple(topic, { ...target, retained: true }), timeout(5000, 'the retained message')]);
  const msg = Array.isArray(result) ? result[0] : result; // an array only when msgCount > 1
  if (msg === undefined) throw new Error('no message');
  console.log(`subscribe.simple returned "${msg.text()}" (retained: ${msg.retain})`);

  await publish.single(topic, '', { ...target, qos: 1, retain: true }); // an empty retained payload clears it
  console.log('cleared the retained message');
});
