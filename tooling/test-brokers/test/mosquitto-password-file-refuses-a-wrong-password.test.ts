import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONNACK_ACCEPTED, connectAndReadConnack, startMosquitto, toHex, type MosquittoBroker } from '../src/index.js';
import { rawTransport } from './raw-socket-transport.js';

let broker: MosquittoBroker<'mqtt'>;
beforeAll(async () => {
  broker = await startMosquitto({ users: [{ username: 'alice', password: 's3cret' }] });
});
afterAll(async () => {
  await broker?.stop();
});

test('the right password is accepted', async () => {
  const exchange = await connectAndReadConnack(rawTransport(broker.ports.mqtt), { username: 'alice', password: 's3cret' });
  expect(exchange.connack).toEqual(CONNACK_ACCEPTED);
  await exchange.disconnect();
});

test('a wrong password gets CONNACK return code 5 (not authorized)', async () => {
  const exchange = await connectAndReadConnack(rawTransport(broker.ports.mqtt), { username: 'alice', password: 'wrong' });
  expect(toHex(exchange.connack)).toBe('20 02 00 05');
  exchange.connection.destroy();
});

test('anonymous clients are refused when users are configured', async () => {
  const exchange = await connectAndReadConnack(rawTransport(broker.ports.mqtt));
  expect(toHex(exchange.connack)).toBe('20 02 00 05');
  exchange.connection.destroy();
});
