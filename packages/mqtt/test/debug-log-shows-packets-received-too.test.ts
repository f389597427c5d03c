// onLog at MQTT_LOG_DEBUG shows packets received as Paho does ("Received CONNACK ...",
// "Received SUBACK ...", "Received PUBLISH ..."), next to the "Sending ..." lines (issue 13 item 15).
import { expect, it } from 'vitest';
import { MQTT_LOG_DEBUG } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('logs each packet received at DEBUG, with no payload', async () => {
  const lines: string[] = [];
  const client = newClient();
  client.onLog = (_c, _u, level, line) => {
    if (level === MQTT_LOG_DEBUG) lines.push(line);
  };
  const topic = uniqueTopic('debug-received');
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  await client.subscribe(topic, 1);
  await client.publish(topic, 'payload-not-logged', 1);
  await expect.poll(() => lines.filter((l) => l.startsWith('Received PUBLISH')).length).toBe(1);
  const received = lines.filter((l) => l.startsWith('Received')).map((l) => /^Received [A-Z]+/.exec(l)?.[0]);
  expect(received).toEqual(expect.arrayContaining(['Received CONNACK', 'Received SUBACK', 'Received PUBACK', 'Received PUBLISH']));
  expect(lines.find((l) => l.startsWith('Received CONNACK'))).toBe('Received CONNACK (0, 0)');
  expect(lines.join('\n')).not.toContain('payload-not-logged');
});
