// One connection as the connections bench opens it, shared by connections-worker.mjs and
// memory-probe.mjs so that the probe measures exactly what the bench measures. Both libraries go
// through the same thin adapter: MQTT 3.1.1, clean session, keepalive 60, no reconnect, one SUBSCRIBE.
import { Client } from '@x/mqtt';
import mqtt from 'mqtt';
import { openRawClient } from './raw-client.mjs';

/** Connects connection `i` of library `lib` ('x', 'raw' for the reference client, anything else MQTT.js) and subscribes once. */
export async function openConnection(lib, port, i) {
  if (lib === 'raw') {
    const client = await openRawClient({ port, clientId: `conn-raw-${process.pid}-${i}` });
    await client.subscribe(`conn/${i}`, 0);
    return client;
  }
  if (lib === 'x') {
    const client = new Client({ clientId: `conn-x-${process.pid}-${i}`, autoReconnect: false });
    await client.connect('127.0.0.1', port, 60);
    await client.subscribe(`conn/${i}`, 0);
    return client;
  }
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { protocolVersion: 4, clean: true, keepalive: 60, reconnectPeriod: 0, clientId: `conn-js-${process.pid}-${i}` });
  await client.subscribeAsync(`conn/${i}`, { qos: 0 });
  return client;
}

/** Collects garbage until the heap settles (needs node --expose-gc). */
export async function settleHeap() {
  for (let i = 0; i < 4; i++) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
