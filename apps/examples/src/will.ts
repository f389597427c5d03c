// Paho README "Option functions / will_set": the broker publishes a client's will when that client
// drops off without disconnect(). A device sets a will, says "online", then its connection dies
// (we destroy its socket, as a crash or a cut cable would); a monitor receives "offline".
// Usage: example src/will.ts [mqtt://host:1883]
import { Socket } from 'node:net';
import { Client } from '@x/mqtt';
import { exampleBroker, runExample, timeout, uniqueTopic } from './broker.js';

const broker = await exampleBroker();
await runExample(broker, async () => {
  const status = `${uniqueTopic('will')}/device-1/status`;

  const monitor = new Client();
  const offline = new Promise<void>((resolve) => {
    monitor.onMessage = (_c, _u, msg) => {
      console.log(`monitor: ${msg.text()}`);
      if (msg.text() === 'offline') resolve();
    };
  });
  await monitor.connect(broker.url);
  await monitor.subscribe(status, 1);

  const device = new Client({ autoReconnect: false });
  device.willSet(status, 'offline', 1, false); // before connect(): the will travels in CONNECT
  await device.connect(broker.url);
  await device.publish(status, 'online', 1);

  const socket = device.socket();
  if (!(socket instanceof Socket)) throw new Error('expected a TCP socket');
  console.log('device: connection lost (socket destroyed, no DISCONNECT sent)');
  socket.destroy();

  await Promise.race([offline, timeout(5000, 'the will')]);
  console.log('the broker published the will');
  await monitor.disconnect();
});
