import { afterAll, beforeAll, expect, test } from 'vitest';
import { connectAndReadConnack, runProgram, startMosquitto, type MosquittoBroker } from '../src/index.js';
import { rawTransport } from './raw-socket-transport.js';

/** SUBSCRIBE packet id 1 to `#` at QoS 0, and its SUBACK. */
const SUBSCRIBE_ALL = Uint8Array.of(0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 0x23, 0x00);
const SUBACK = Buffer.from([0x90, 0x03, 0x00, 0x01, 0x00]);

let broker: MosquittoBroker<'mqtt'>;
beforeAll(async () => {
  broker = await startMosquitto({ deniedTopics: ['forbidden/#'] });
});
afterAll(async () => {
  await broker?.stop();
});

test('a message on a denied topic is not delivered while one on another topic is', async () => {
  let received = Buffer.alloc(0);
  const transport = rawTransport(broker.ports.mqtt);
  const recording = {
    connect: (handlers: Parameters<typeof transport.connect>[0]) =>
      transport.connect({
        ...handlers,
        onData: (bytes) => {
          handlers.onData(bytes);
          received = Buffer.concat([received, bytes]);
        },
      }),
  };
  const exchange = await connectAndReadConnack(recording);
  exchange.connection.write(SUBSCRIBE_ALL);
  await expect.poll(() => received.includes(SUBACK)).toBe(true);
  const port = String(broker.ports.mqtt);
  await runProgram('mosquitto_pub', ['-h', '127.0.0.1', '-p', port, '-t', 'forbidden/x', '-m', 'denied']);
  await runProgram('mosquitto_pub', ['-h', '127.0.0.1', '-p', port, '-t', 'allowed/x', '-m', 'allowed']);
  await expect.poll(() => received.includes('allowed/xallowed')).toBe(true);
  expect(received.includes('forbidden/x')).toBe(false);
  await exchange.disconnect();
});
