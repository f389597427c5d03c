import { expect, it } from 'vitest';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('for await over client.messages(filter) yields matching messages in order and stops on abort', async () => {
  const topic = uniqueTopic('iter');
  const client = newClient();
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  await client.subscribe(`${topic}/#`, 1);
  const controller = new AbortController();
  const stream = client.messages(`${topic}/keep/+`, { signal: controller.signal });
  for (const [sub, text] of [['keep/a', '1'], ['skip/a', 'x'], ['keep/b', '2'], ['keep/c', '3']]) await client.publish(`${topic}/${sub}`, text, 1);
  const texts: string[] = [];
  for await (const message of stream) {
    texts.push(message.text());
    if (texts.length === 3) controller.abort();
  }
  expect(texts).toEqual(['1', '2', '3']);
});
