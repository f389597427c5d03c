// A request handle settles once; its Promise is made only when read (before or after settling);
// a watched signal or timer is removed when it settles. waitWithin bounds any wait the same way.
import { MqttError } from '@x/mqtt-codec';
import { expect, it } from 'vitest';
import { Completion, waitWithin } from '../src/driver/completion.js';
import { FakeTimers } from './helpers/fake-transport.js';

it('settles once, whichever comes first, and reports its status synchronously', async () => {
  const c = new Completion<number>(1, 0, false);
  expect(c.status).toBe('pending');
  c.resolve(5);
  c.resolve(6);
  c.reject(new MqttError('ABORTED', 'late'));
  expect(c.status).toBe('fulfilled');
  await expect(c.done).resolves.toBe(5); // made after settling
  expect(await c.then((v) => v * 2)).toBe(10);
  const r = new Completion<number>(2, 0, false);
  r.reject(new MqttError('TIMEOUT', 'x'));
  r.resolve(1);
  expect(r.status).toBe('rejected');
  await expect(r.done).rejects.toMatchObject({ code: 'TIMEOUT' });
  const early = new Completion<number>(3, 0, false);
  const read = early.done; // made before settling
  expect(early.done).toBe(read);
  early.reject(new MqttError('ABORTED', 'x'));
  await expect(read).rejects.toMatchObject({ code: 'ABORTED' });
});

it('watch(): an already aborted signal rejects at once; a timeout alone rejects TIMEOUT; nothing after settling', async () => {
  const timers = new FakeTimers();
  const gaveUp: number[] = [];
  const aborted = new Completion<number>(1, 0, false);
  aborted.watch({ signal: AbortSignal.abort() }, timers, () => gaveUp.push(1));
  await expect(aborted.done).rejects.toMatchObject({ code: 'ABORTED' });
  const timed = new Completion<number>(2, 0, false);
  timed.watch({ timeoutMs: 100 }, timers, () => gaveUp.push(2));
  await timers.advance(100);
  await expect(timed.done).rejects.toMatchObject({ code: 'TIMEOUT' });
  const settled = new Completion<number>(3, 0, false);
  settled.resolve(1);
  settled.watch({ timeoutMs: 100 }, timers);
  const plain = new Completion<number>(4, 0, false);
  plain.watch({}, timers);
  expect(timers.pending).toBe(0);
  expect(gaveUp).toEqual([1, 2]);
  const signalOnly = new Completion<number>(5, 0, false);
  const controller = new AbortController();
  signalOnly.watch({ signal: controller.signal }, timers);
  controller.abort();
  await expect(signalOnly.done).rejects.toMatchObject({ code: 'ABORTED' });
});

it('waitWithin(): passes through without bounds, rejects ABORTED / TIMEOUT, forwards a rejection, cleans up', async () => {
  const timers = new FakeTimers();
  await expect(waitWithin(Promise.resolve(1), {}, timers)).resolves.toBe(1);
  await expect(waitWithin(new Promise(() => undefined), { signal: AbortSignal.abort() }, timers)).rejects.toMatchObject({ code: 'ABORTED' });
  const controller = new AbortController();
  const bySignal = waitWithin(new Promise(() => undefined), { signal: controller.signal }, timers);
  controller.abort();
  await expect(bySignal).rejects.toMatchObject({ code: 'ABORTED' });
  const byTime = waitWithin(new Promise(() => undefined), { timeoutMs: 50 }, timers, 'the thing');
  const outcome = byTime.catch((e: MqttError) => e.message);
  await timers.advance(50);
  expect(await outcome).toBe('the thing did not complete within 50 ms');
  await expect(waitWithin(Promise.reject(new MqttError('QUEUE_FULL', 'x')), { timeoutMs: 50 }, timers)).rejects.toMatchObject({ code: 'QUEUE_FULL' });
  await expect(waitWithin(Promise.resolve(2), { signal: new AbortController().signal }, timers)).resolves.toBe(2);
  expect(timers.pending).toBe(0);
});
