// Issue 14 item 3 (first part): client.stats() against mosquitto: state, server, keepalive,
// the broker's limits, counts both ways, messages and bytes, reconnects.
import { expect, it } from 'vitest';
import { MQTTv5 } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto({ extraConfig: 'max_inflight_messages 7\nmax_packet_size 4096' });

it('after three QoS 1 round trips and a reconnect, stats() says what was negotiated and what crossed the link', async () => {
  const client = newClient({ protocol: MQTTv5, keepalive: 30 });
  expect(client.stats()).toMatchObject({ engineState: 'idle', server: undefined, messagesSent: 0, reconnects: 0 });
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  const topic = uniqueTopic('stats');
  await client.subscribe(topic, 1);
  const received: string[] = [];
  client.onMessage = (_c, _u, m) => received.push(m.text());
  for (const n of ['1', '2', '3']) await client.publish(topic, n, 1);
  await expect.poll(() => received.length).toBe(3);
  await client.reconnect();
  const stats = client.stats();
  expect(stats).toMatchObject({
    state: 'connected',
    engineState: 'connected',
    server: `127.0.0.1:${env.broker.ports.mqtt}`,
    transport: 'tcp',
    keepalive: 30,
    inflightOut: 0,
    queuedOut: 0,
    pendingIn: 0,
    messagesSent: 3,
    messagesReceived: 3,
    reconnects: 1,
  });
  expect(stats.serverLimits).toMatchObject({ receiveMaximum: 7, maximumPacketSize: 4096 });
  expect(stats.bytesSent).toBeGreaterThan(3 * 10);
  expect(stats.bytesReceived).toBeGreaterThan(3 * 10);
  expect(stats.idleMs).toBeGreaterThanOrEqual(0);
  await client.disconnect();
});
