// Issue 14 item 4: MQTT 5 request/response against mosquitto. Concurrent requests whose responses
// come back in a different order each get their own; TIMEOUT and ABORTED settle and leave nothing.
import { expect, it } from 'vitest';
import { MQTTv311, MQTTv5, MqttError } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('ten concurrent requests, answered in reverse order: each resolves with its own response', async () => {
  const service = uniqueTopic('rr-service');
  const responder = newClient({ protocol: MQTTv5 });
  await responder.connect('127.0.0.1', env.broker.ports.mqtt);
  // the higher the number, the sooner the answer: responses arrive out of order
  const stop = await responder.respond(`${service}/+`, async (request) => {
    const n = Number(request.text());
    await sleep((10 - n) * 30);
    return { payload: `square ${n * n}`, properties: { userProperties: [['n', String(n)]] } };
  });
  const requester = newClient({ protocol: MQTTv5 });
  await requester.connect('127.0.0.1', env.broker.ports.mqtt);
  const arrived: number[] = [];
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, n) =>
      requester.request(`${service}/square`, String(n), { timeoutMs: 5000 }).then((m) => {
        arrived.push(n);
        return m.text();
      }),
    ),
  );
  expect(answers).toEqual(Array.from({ length: 10 }, (_, n) => `square ${n * n}`));
  expect(arrived).not.toEqual([...arrived].sort((a, b) => a - b)); // they really came out of order
  await stop();
});

it('no responder: TIMEOUT after timeoutMs; an aborted request rejects ABORTED at once', async () => {
  const requester = newClient({ protocol: MQTTv5 });
  await requester.connect('127.0.0.1', env.broker.ports.mqtt);
  const started = Date.now();
  await expect(requester.request(uniqueTopic('rr-nobody'), 'x', { timeoutMs: 300 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  const controller = new AbortController();
  const pending = requester.request(uniqueTopic('rr-nobody'), 'x', { timeoutMs: 0, signal: controller.signal });
  controller.abort();
  await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  await expect(requester.request('t', 'x', { signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
});

it('request() and respond() on an MQTT 3.1.1 client reject INVALID_STATE', async () => {
  const client = newClient({ protocol: MQTTv311 });
  await expect(client.request('t', 'x')).rejects.toBeInstanceOf(MqttError);
  await expect(client.request('t', 'x')).rejects.toMatchObject({ code: 'INVALID_STATE' });
  await expect(client.respond('t', () => 'x')).rejects.toMatchObject({ code: 'INVALID_STATE' });
});
