// Paho README "Getting Started": subscribe to the broker's $SYS tree in onConnect and print what
// arrives. Runs for 3 seconds (aedes sends a $SYS heartbeat every second), then disconnects.
// Usage: example src/getting-started.ts [mqtt://host:1883]
import { Client } from '@x/mqtt';
import { exampleBroker, runExample } from './broker.js';

const broker = await exampleBroker();
await runExample(broker, async () => {
  const client = new Client();
  let received = 0;

  // Subscribing in onConnect means the subscription is renewed after a reconnect.
  client.onConnect = (client, _userdata, _flags, rc) => {
    console.log(`Connected with result code ${rc}`);
    client.subscribe('$SYS/#');
  };
  client.onMessage = (_client, _userdata, msg) => {
    received++;
    console.log(`${msg.topic} ${msg.text()}`);
  };

  await client.connect(broker.url, undefined, 60);
  setTimeout(() => void client.disconnect(), 3000);
  // Resolves once disconnect() is called; reconnects by itself if the connection drops meanwhile.
  await client.loopForever();
  console.log(received > 0 ? `${received} $SYS messages, disconnected` : 'no $SYS messages within 3 s (this broker may not publish them), disconnected');
});
