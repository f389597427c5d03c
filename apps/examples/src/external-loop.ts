// Paho README "External event loop support", with `externalLoop: true`: the client starts no timer
// and reads and writes nothing on its own. The application's loop does it: loopRead() when the
// socket is readable, loopWrite() when onSocketRegisterWrite says output is pending, loopMisc()
// about once a second (keepalive, retries, timeouts). socket() and wantWrite() tell what to wait on.
// Usage: example src/external-loop.ts [mqtt://host:1883]
import type { Socket } from 'node:net';
import { Client, MQTT_ERR_NO_CONN, MQTT_ERR_SUCCESS, errorString } from '@x/mqtt';
import { exampleBroker, runExample, uniqueTopic } from './broker.js';

const broker = await exampleBroker();
await runExample(broker, async () => {
  const topic = `${uniqueTopic('external-loop')}/ticks`;
  const client = new Client({ externalLoop: true, keepalive: 30 });
  const name = (sock: unknown): string => (typeof sock === 'object' && sock !== null ? sock.constructor.name : String(sock));
  let reads = 0;
  const check = (what: string, rc: number): void => {
    // NO_CONN: a call scheduled just before the connection closed; anything else is worth saying.
    if (rc !== MQTT_ERR_SUCCESS && rc !== MQTT_ERR_NO_CONN) console.log(`${what}: ${errorString(rc)}`);
  };
  // The application's event loop: here Node's, driven through the socket's events.
  client.onSocketOpen = (_c, _u, sock) => {
    console.log(`socket open: register ${name(sock)} for reading`);
    (sock as Socket).on('readable', () => {
      reads++;
      check('loopRead', client.loopRead());
    });
  };
  client.onSocketClose = (_c, _u, sock) => console.log(`socket close: unregister ${name(sock)}`);
  client.onSocketRegisterWrite = () => queueMicrotask(() => check('loopWrite', client.loopWrite()));
  const misc = setInterval(() => check('loopMisc', client.loopMisc()), 1000);

  let received = 0;
  const allThree = new Promise<void>((resolve) => {
    client.onMessage = (_c, _u, msg) => {
      console.log(`received ${msg.text()}`);
      if (++received === 3) resolve();
    };
  });

  try {
    await client.connect(broker.url); // resolves once loopRead() has read the CONNACK
    await client.subscribe(topic, 1);
    for (let tick = 1; tick <= 3; tick++) await client.publish(topic, `tick ${tick}`, 1);
    await allThree;
    await new Promise((resolve) => setImmediate(resolve)); // let the loop write the last PUBACK
    console.log(`${reads} loopRead calls, want write: ${client.wantWrite()}`);
    await client.disconnect();
  } finally {
    clearInterval(misc);
  }
});
