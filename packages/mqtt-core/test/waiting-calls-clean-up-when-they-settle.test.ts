// Issue 11 items 10 and 12: a request waiting with { signal, timeoutMs } removes its abort
// listener and its timer the moment it settles; unanswered, it rejects ABORTED or TIMEOUT.
import { expect, it } from 'vitest';
import { waitWithin } from '../src/driver/completion.js';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';

/** An AbortSignal that counts its abort listeners. */
function countingSignal(): { signal: AbortSignal; listeners: () => number; abort: () => void } {
  const controller = new AbortController();
  const signal = controller.signal;
  let count = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((type: string, fn: EventListener, o?: AddEventListenerOptions) => {
    count++;
    add(type, fn, o);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, fn: EventListener, o?: EventListenerOptions) => {
    count--;
    remove(type, fn, o);
  }) as typeof signal.removeEventListener;
  return { signal, listeners: () => count, abort: () => controller.abort() };
}

it('40,000 publishes awaited on one signal with a timeout leave no listener and no timer behind', async () => {
  const { engine, timers } = engineSetup();
  await engine.connect();
  const { signal, listeners } = countingSignal();
  const timersBefore = timers.pending;
  for (let i = 0; i < 40_000; i += 1_000) {
    const waits = [];
    for (let j = 0; j < 1_000; j++) waits.push(waitWithin(engine.publish('t', 'x', { qos: 1 }), { signal, timeoutMs: 600_000 }, timers));
    await Promise.all(waits);
    expect(listeners()).toBe(0);
  }
  expect(timers.pending).toBe(timersBefore);
});

it('subscribe({ signal, timeoutMs }) cleans up on SUBACK, and rejects TIMEOUT when no SUBACK comes', async () => {
  const { engine, broker, timers } = engineSetup();
  await engine.connect();
  const { signal, listeners } = countingSignal();
  const timersBefore = timers.pending;
  await engine.subscribe({ topicFilter: 'a', qos: 1 }, { signal, timeoutMs: 5_000 }).done;
  expect(listeners()).toBe(0);
  expect(timers.pending).toBe(timersBefore);
  broker.answer = () => [];
  const silent = engine.unsubscribe('a', { timeoutMs: 5_000 });
  const outcome = silent.done.catch((e: { code?: string }) => e.code);
  await timers.advance(5_000);
  expect(await outcome).toBe('TIMEOUT');
});

it('an aborted signal rejects the wait with ABORTED and removes the timer', async () => {
  const { engine, broker, timers } = engineSetup();
  await engine.connect();
  broker.answer = () => [];
  const { signal, abort, listeners } = countingSignal();
  const timersBefore = timers.pending;
  const handle = engine.subscribe({ topicFilter: 'a', qos: 0 }, { signal, timeoutMs: 60_000 });
  await settle();
  abort();
  await expect(handle.done).rejects.toMatchObject({ code: 'ABORTED' });
  expect(listeners()).toBe(0);
  expect(timers.pending).toBe(timersBefore);
});
