// Paho README "Constructor / transport='websockets'" and "ws_set_options": MQTT over WebSockets.
// Without a URL an embedded aedes listens on ws://127.0.0.1:<port>/mqtt. Messages are read with
// `for await (const msg of client.messages(filter))`.
// Usage: example src/websockets.ts [ws://host:port/path | wss://host:port/path [ca.pem]]
import { Client } from '@x/mqtt';
import { exampleBroker, runExample, timeout, uniqueTopic } from './broker.js';

const broker = await exampleBroker('ws');
await runExample(broker, async () => {
  const topic = `${uniqueTopic('websockets')}/chat`;
  // A ws:// or wss:// URL selects the WebSocket transport; with host and port instead, pass
  // transport: 'websockets' and set the path with wsSetOptions().
  const client = new Client({ transport: 'websockets' });
  client.wsSetOptions({ headers: { 'User-Agent': 'x-mqtt-example' } });
  if (broker.url.startsWith('wss:')) client.tlsSet(broker.caFile !== undefined ? { ca: broker.caFile } : {});

  await client.connect(broker.url);
  console.log(`connected to ${broker.url}`);
  await client.subscribe(topic, 1);

  const reading = (async () => {
    const texts: string[] = [];
    for await (const msg of client.messages(topic)) {
      texts.push(msg.text());
      console.log(`received "${msg.text()}"`);
      if (texts.length === 2) break; // leaving the loop ends the iterator
    }
  })();
  await client.publish(topic, 'hello over WebSockets', 1);
  await client.publish(topic, 'and goodbye', 1);
  await Promise.race([reading, timeout(5000, 'two messages')]);
  await client.disconnect();
});
