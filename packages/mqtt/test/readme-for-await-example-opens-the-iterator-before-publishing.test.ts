// The README's `for await (... client.messages())` example (issue 13 item 16): the iterator sees
// what arrives from the moment messages() is called, so the example opens it before the publish it
// waits for. Opened after `await publish(...)`, it misses that message: mosquitto sends the
// subscriber its copy before the publisher's PUBACK, on the same connection.
import { expect, it } from 'vitest';
import { MQTTv5, type MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

/** The first message of `iterator` within `ms`, or undefined. */
async function firstWithin(iterator: AsyncIterableIterator<MqttMessage>, ms: number): Promise<MqttMessage | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([iterator.next().then((r) => (r.done ? undefined : r.value)), late]);
  } finally {
    clearTimeout(timer);
    await iterator.return?.();
  }
}

it('as in the README: messages() opened before publish() sees the message', async () => {
  const base = uniqueTopic('readme');
  const client = newClient({ clientId: `sensor-7-${process.pid}`, protocol: MQTTv5 });
  await client.connect(`mqtt://127.0.0.1:${env.broker.ports.mqtt}`);
  await client.subscribe(`${base}/sensors/+/temperature`, 1);
  const readings = client.messages(`${base}/sensors/#`);
  await client.publish(`${base}/sensors/7/temperature`, '21.5', 1);
  let seen: string | undefined;
  for await (const msg of readings) {
    seen = `${msg.topic} ${msg.text()}`;
    break;
  }
  expect(seen).toBe(`${base}/sensors/7/temperature 21.5`);
});

it('the old order: messages() opened after the awaited publish() misses it', async () => {
  const base = uniqueTopic('readme-old');
  const client = newClient({ protocol: MQTTv5 });
  await client.connect(`mqtt://127.0.0.1:${env.broker.ports.mqtt}`);
  await client.subscribe(`${base}/sensors/+/temperature`, 1);
  await client.publish(`${base}/sensors/7/temperature`, '21.5', 1);
  expect(await firstWithin(client.messages(`${base}/sensors/#`), 300)).toBeUndefined();
});
