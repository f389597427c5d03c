import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONNACK_ACCEPTED, connectAndReadConnack, startAedes, type AedesBroker } from '../src/index.js';
import { rawTransport } from './raw-socket-transport.js';

let broker: AedesBroker;
beforeAll(async () => {
  broker = await startAedes();
});
afterAll(async () => {
  await broker?.close();
});

test('the in-process aedes broker answers CONNECT with an accepting CONNACK', async () => {
  const exchange = await connectAndReadConnack(rawTransport(broker.port));
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});
