// Issue 12.16 (second half): with mosquitto announcing Maximum Packet Size in its v5 CONNACK, a
// publish that would exceed it throws PACKET_TOO_LARGE at the call, as the README says, and sends
// nothing; a SUBSCRIBE over it is refused the same way (issue 12.2); smaller ones go through.
import { expect, it } from 'vitest';
import { MQTTv5, MqttError } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto({ extraConfig: 'max_packet_size 200' });

it("PACKET_TOO_LARGE at the call for a PUBLISH and a SUBSCRIBE over the broker's maximum; the connection stays up", async () => {
  const client = newClient({ protocol: MQTTv5 });
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  const topic = uniqueTopic('max-packet');
  await client.subscribe(topic, 1);
  const received: number[] = [];
  client.onMessage = (_c, _u, m) => received.push(m.payload.length);
  let thrown: unknown;
  try {
    client.publish(topic, new Uint8Array(500), 1);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(MqttError);
  expect((thrown as MqttError).code).toBe('PACKET_TOO_LARGE');
  expect(() => client.subscribe(`${topic}/${'x'.repeat(300)}`, 0)).toThrow(expect.objectContaining({ code: 'PACKET_TOO_LARGE' }));
  await client.publish(topic, new Uint8Array(50), 1);
  await expect.poll(() => received).toEqual([50]);
  expect(client.isConnected()).toBe(true);
  await client.disconnect();
});
