// Paho README "External event loop support": socket(), wantWrite(), loopRead/Write/Misc() and the
// onSocket* callbacks. In JavaScript the runtime's event loop already does the socket I/O, so an
// application that runs its own loop calls `await client.loop(timeout)`, which waits for network
// activity (or the timeout), and does its own work in between; the callbacks say when the socket
// opens and closes, and when writes back up (register) and drain again (unregister). loopRead(),
// loopWrite() and loopMisc() answer MQTT_ERR_NOT_SUPPORTED: see the README's known limitations.
// Usage: example src/external-loop.ts [mqtt://host:1883]
import { Client, MQTT_ERR_SUCCESS, errorString } from '@x/mqtt';
import { exampleBroker, runExample, uniqueTopic } from './broker.js';

const broker = await exampleBroker();
await runExample(broker, async () => {
  const topic = `${uniqueTopic('external-loop')}/ticks`;
  const client = new Client();
  const name = (sock: unknown): string => (typeof sock === 'object' && sock !== null ? sock.constructor.name : String(sock));
  client.onSocketOpen = (_c, _u, sock) => console.log(`socket open: register ${name(sock)} for reading`);
  client.onSocketClose = (_c, _u, sock) => console.log(`socket close: unregister ${name(sock)}`);
  client.onSocketRegisterWrite = () => console.log('socket register write: output is backed up');
  client.onSocketUnregisterWrite = () => console.log('socket unregister write: output drained');

  let received = 0;
  client.onMessage = (_c, _u, msg) => {
    received++;
    console.log(`received ${msg.text()}`);
  };

  await client.connect(broker.url);
  await client.subscribe(topic, 0);

  // The application's own loop: network first, then its own work, until three ticks came back.
  let iterations = 0;
  let sent = 0;
  const deadline = Date.now() + 5000;
  while (received < 3) {
    const rc = await client.loop(0.05);
    if (rc !== MQTT_ERR_SUCCESS) throw new Error(`loop(): ${errorString(rc)}`);
    if (Date.now() > deadline) throw new Error('the loop stalled');
    iterations++;
    if (sent < 3 && iterations % 2 === 0) client.publish(topic, `tick ${++sent}`);
  }
  console.log(`${iterations} loop iterations, want write: ${client.wantWrite()}`);
  await client.disconnect();
});
