// Paho README "Subscribe / Using Callback": subscribe.callback() calls a function for every message
// until its AbortSignal fires. A publisher sends a message every 100 ms until three have arrived.
// Usage: example src/subscribe-callback.ts [mqtt://host:1883]
import { Client, subscribe } from '@x/mqtt';
import { exampleBroker, helperTarget, runExample, timeout, uniqueTopic } from './broker.js';

const broker = await exampleBroker();
await runExample(broker, async () => {
  const topic = `${uniqueTopic('subscribe-callback')}/paho/test/callback`;
  const stop = new AbortController();
  let count = 0;

  const subscribed = subscribe.callback(
    (_client, userdata, msg) => {
      count++;
      console.log(`${String(userdata)} #${count}: ${msg.text()}`);
      if (count === 3) stop.abort();
    },
    topic,
    { ...helperTarget(broker.url), userdata: 'on_message_print', signal: stop.signal },
  );

  // The helper gives no "subscribed" signal, so publish until the callback has seen three.
  const publisher = new Client();
  await publisher.connect(broker.url);
  let n = 0;
  const ticker = setInterval(() => publisher.publish(topic, `tick ${++n}`), 100);
  try {
    await Promise.race([subscribed, timeout(5000, 'three messages')]);
  } finally {
    clearInterval(ticker);
    await publisher.disconnect();
  }
  console.log(`stopped after ${count} messages`);
});
