// Paho README "Publish / Multiple": publish.multiple() sends a list of messages on one connection,
// each an object or a [topic, payload, qos, retain] tuple, waits for all of them, then disconnects.
// Usage: example src/publish-multiple.ts [mqtt://host:1883]
import { Client, publish } from '@x/mqtt';
import { exampleBroker, helperTarget, runExample, timeout, uniqueTopic } from './broker.js';

const broker = await exampleBroker();
await runExample(broker, async () => {
  const topic = `${uniqueTopic('publish-multiple')}/paho/test/multiple`;

  const listener = new Client();
  await listener.connect(broker.url);
  const received: string[] = [];
  const allArrived = new Promise<void>((resolve) => {
    listener.onMessage = (_c, _u, msg) => {
      received.push(msg.text());
      console.log(`received "${msg.text()}" qos ${msg.qos}`);
      if (received.length === 3) resolve();
    };
  });
  await listener.subscribe(topic, 2);

  await publish.multiple(
    [
      { topic, payload: 'multiple 1', qos: 0 },
      [topic, 'multiple 2', 1, false],
      [topic, 'multiple 3', 2, false],
    ],
    helperTarget(broker.url),
  );
  console.log('published 3 messages');

  // MQTT keeps the order per QoS level only, so a broker may forward these three in any order.
  await Promise.race([allArrived, timeout(5000, 'three messages')]);
  console.log(`all 3 arrived: ${[...received].sort().join(', ')}`);
  await listener.disconnect();
});
