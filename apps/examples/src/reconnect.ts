// Paho README "Network loop / loop_start()" and "reconnect_delay_set": after a lost connection the
// client reconnects by itself, waiting 1 s, then 2 s, ... up to the maximum. Subscribing in
// onConnect renews the subscription on every connection. We cut the connection once to show it.
// Usage: example src/reconnect.ts [mqtt://host:1883]
import { Socket } from 'node:net';
import { Client } from '@x/mqtt';
import { exampleBroker, runExample, timeout, uniqueTopic } from './broker.js';

const broker = await exampleBroker();
await runExample(broker, async () => {
  const topic = `${uniqueTopic('reconnect')}/events`;
  const client = new Client();
  client.reconnectDelaySet(1, 8);

  let connected: () => void = () => undefined;
  const nextConnect = (): Promise<void> => Promise.race([new Promise<void>((resolve) => (connected = resolve)), timeout(10_000, 'a connection')]);
  let subscribed: PromiseLike<unknown> = Promise.resolve();
  client.onConnect = (client, _u, _flags, rc) => {
    console.log(`connected (rc ${rc})`);
    subscribed = client.subscribe(topic, 1);
    connected();
  };
  client.onDisconnect = (_c, _u, rc) => console.log(`disconnected (rc ${rc})`);
  const arrived = new Promise<string>((resolve) => (client.onMessage = (_c, _u, msg) => resolve(msg.text())));

  const first = nextConnect();
  client.connectAsync(broker.url);
  client.loopStart(); // connects, then keeps reconnecting in the background
  await first;
  await subscribed;

  const socket = client.socket();
  if (!(socket instanceof Socket)) throw new Error('expected a TCP socket');
  console.log('cutting the connection');
  const second = nextConnect();
  socket.destroy();
  await second;
  await subscribed;

  await client.publish(topic, 'after the reconnect', 1);
  console.log(`received "${await Promise.race([arrived, timeout(5000, 'the message')])}"`);
  await client.disconnect();
  client.loopStop();
});
