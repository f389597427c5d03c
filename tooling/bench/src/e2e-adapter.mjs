// The two libraries behind one thin adapter for the end-to-end workers: MQTT 3.1.1, clean session,
// keepalive 60, no reconnect; each library's own defaults otherwise (ours keeps at most 20 QoS 1/2
// messages in flight, Paho's default; MQTT.js has no window).
import { Client } from '@x/mqtt';
import mqtt from 'mqtt';
import { openRawClient } from './raw-client.mjs';

/** Connects `lib` ('x', 'mqttjs' or 'raw', the reference client); `onMessage(topic, payload)` gets every message. */
export async function connect(lib, port, role, onMessage) {
  const clientId = `e2e-${role}-${lib}-${process.pid}`;
  if (lib === 'raw') {
    const client = await openRawClient({ port, clientId, onMessage });
    return { publish: (topic, payload, qos) => client.publish(topic, payload, qos), subscribe: (filter, qos) => client.subscribe(filter, qos), close: () => client.close() };
  }
  if (lib === 'x') {
    const client = new Client({ clientId, autoReconnect: false });
    if (onMessage !== undefined) client.onMessage = (_client, _userdata, message) => onMessage(message.topic, message.payload);
    await client.connect('127.0.0.1', port, 60);
    return {
      publish: (topic, payload, qos) => client.publish(topic, payload, qos),
      subscribe: async (filter, qos) => {
        await client.subscribe(filter, qos);
      },
      close: () => client.disconnect(),
    };
  }
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { protocolVersion: 4, clean: true, keepalive: 60, reconnectPeriod: 0, clientId });
  if (onMessage !== undefined) client.on('message', onMessage);
  return {
    publish: (topic, payload, qos) => client.publishAsync(topic, payload, { qos }),
    subscribe: async (filter, qos) => {
      await client.subscribeAsync(filter, { qos });
    },
    close: () => client.endAsync(),
  };
}

/** Milliseconds on a clock that two processes on one machine share. */
export const wallNow = () => performance.timeOrigin + performance.now();

/** One JSON line to the orchestrator (src/end-to-end.ts). */
export const say = (kind, fields = {}) => process.stdout.write(`${JSON.stringify({ kind, ...fields })}\n`);

/** The orchestrator's commands, one per line on stdin: `await command()` waits for the next one. */
export function commands() {
  const queued = [];
  const waiting = [];
  let rest = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines) (waiting.shift() ?? ((l) => queued.push(l)))(line);
  });
  return () => (queued.length > 0 ? Promise.resolve(queued.shift()) : new Promise((resolve) => waiting.push(resolve)));
}
