// Paho README "Publish / Single": publish.single() connects, publishes one message, waits until
// it is delivered (QoS 1: PUBACK) and disconnects. A listening client shows that it arrived.
// Usage: example src/publish-single.ts [mqtt://host:1883]
import { Client, publish } from '@x/mqtt';
import { exampleBroker, helperTarget, runExample, timeout, uniqueTopic } from './broker.js';

const broker = await exampleBroker();
await runExample(broker, async () => {
  const topic = `${uniqueTopic('publish-single')}/paho/test/single`;

  const listener = new Client();
  await listener.connect(broker.url);
  const arrived = new Promise<string>((resolve) => (listener.onMessage = (_c, _u, msg) => resolve(msg.text())));
  await listener.subscribe(topic, 1);

  await publish.single(topic, 'boo', { ...helperTarget(broker.url), qos: 1 });
  console.log(`published "boo" to ${topic}`);

  const text = await Promise.race([arrived, timeout(5000, 'the message')]);
  console.log(`the listener received "${text}"`);
  await listener.disconnect();
});
