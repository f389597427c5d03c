// externalLoop over the other Node transports, against mosquitto: over TLS the decrypted stream is
// read on demand like a TCP socket; a WebSocket cannot be, so connect() refuses it at once.
import type { TLSSocket } from 'node:tls';
import { expect, it } from 'vitest';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';
import { idle, selectLoop } from './support/select-loop.js';

const env = useMosquitto({ listeners: ['mqtts', 'ws'] });

it('a client with externalLoop: true round-trips a QoS 2 message over TLS using only the loop calls', async () => {
  const topic = uniqueTopic('external-loop-tls');
  const client = newClient({ externalLoop: true });
  client.tlsSet({ ca: env.broker.certs!.ca.certFile });
  const got: string[] = [];
  client.onMessage = (_c, _u, m) => got.push(m.text());
  let connected = false;
  const connecting = client.connect('localhost', env.broker.ports.mqtts).then(() => (connected = true));
  await selectLoop(client, () => connected);
  await connecting;
  expect((client.socket() as TLSSocket).encrypted).toBe(true);
  const sub = client.subscribe(topic, 2);
  await selectLoop(client, () => sub.status !== 'pending');
  const info = client.publish(topic, 'sealed', 2);
  await idle(100);
  expect(got).toEqual([]);
  await selectLoop(client, () => info.isPublished() && got.length === 1);
  expect(got).toEqual(['sealed']);
});

it('a client with externalLoop: true refuses the websockets transport at connect() with INVALID_ARGUMENT', async () => {
  const client = newClient({ externalLoop: true, transport: 'websockets' });
  await expect(client.connect('127.0.0.1', env.broker.ports.ws)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  expect(client.socket()).toBeUndefined();
});
