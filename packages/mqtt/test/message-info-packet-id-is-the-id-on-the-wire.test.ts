// MessageInfo.mid is the client's message id (as Paho's mid); info.packetId is the packet id the
// PUBLISH carried on the wire, the number a broker log shows (issue 12 item 13).
import { expect, it } from 'vitest';
import { MQTT_LOG_DEBUG } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('a QoS 1 and a QoS 2 publish report the packet ids their PUBLISH was sent with; QoS 0 has none', async () => {
  const sent: number[] = [];
  const client = newClient();
  client.onLog = (_c, _u, level, line) => {
    const m = level === MQTT_LOG_DEBUG ? /^Sending PUBLISH \(d0, q[12], r0, m(\d+)\)/.exec(line) : null;
    if (m) sent.push(Number(m[1]));
  };
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  const topic = uniqueTopic('packet-id');
  await client.subscribe(topic, 1);
  const qos1 = client.publish(topic, 'one', 1);
  const qos2 = client.publish(topic, 'two', 2);
  const qos0 = client.publish(topic, 'zero', 0);
  await Promise.all([qos1, qos2, qos0]);
  expect([qos1.packetId, qos2.packetId]).toEqual(sent);
  expect(qos0.packetId).toBeUndefined();
  await client.disconnect();
});
