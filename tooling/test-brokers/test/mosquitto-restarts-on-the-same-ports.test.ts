import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONNACK_ACCEPTED, connectAndReadConnack, startMosquitto, type MosquittoBroker } from '../src/index.js';
import { rawTransport } from './raw-socket-transport.js';

let broker: MosquittoBroker<'mqtt'>;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(async () => {
  await broker?.stop();
});

test('after kill(SIGKILL) and restart() the broker has a new PID and answers on the same port', async () => {
  const { pid: firstPid, ports } = broker;
  const before = await connectAndReadConnack(rawTransport(ports.mqtt));
  broker.kill('SIGKILL');
  await before.closed;
  await broker.restart();
  expect(broker.pid).not.toBe(firstPid);
  expect(broker.ports.mqtt).toBe(ports.mqtt);
  const after = await connectAndReadConnack(rawTransport(broker.ports.mqtt));
  expect(after.connack).toEqual(CONNACK_ACCEPTED);
  await after.disconnect();
});
