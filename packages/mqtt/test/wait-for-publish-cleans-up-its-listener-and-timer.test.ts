// Issue 11 item 10: waitForPublish({ signal, timeoutMs }) removes its abort listener and clears its
// timer when the publish settles: 40,000 publishes on one long-lived signal leave nothing behind.
import { expect, it } from 'vitest';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('40,000 waitForPublish() calls on one signal leave the listener count bounded', async () => {
  const client = newClient();
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  const controller = new AbortController();
  const signal = controller.signal;
  let listeners = 0;
  let most = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((type: string, fn: EventListener, o?: AddEventListenerOptions) => {
    most = Math.max(most, ++listeners);
    add(type, fn, o);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, fn: EventListener, o?: EventListenerOptions) => {
    listeners--;
    remove(type, fn, o);
  }) as typeof signal.removeEventListener;
  const topic = uniqueTopic('wait');
  for (let i = 0; i < 40; i++) {
    const waits = [];
    for (let j = 0; j < 1_000; j++) waits.push(client.publish(topic, 'x', 0).waitForPublish({ signal, timeoutMs: 600_000 }));
    await Promise.all(waits);
  }
  expect(listeners).toBe(0);
  expect(most).toBeLessThanOrEqual(1_000);
});
