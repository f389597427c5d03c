// A rejected request is never reported as an unhandled rejection, however it is observed: read
// `done` and never await it, await the handle itself (then()), both, or not at all.
import { MqttError } from '@x/mqtt-codec';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Completion } from '../src/driver/completion.js';
import { PublishRc } from '../src/session/effects.js';

const unhandled: unknown[] = [];
const record = (reason: unknown): void => void unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', record);
});
afterEach(() => void process.off('unhandledRejection', record));

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
const make = () => new Completion<number>(1, PublishRc.SUCCESS, false);
const error = new MqttError('CONNECTION_CLOSED', 'gone');

it('done read while pending, never awaited, then rejected: nothing unhandled', async () => {
  const c = make();
  void c.done;
  c.reject(error);
  await tick();
  expect(unhandled).toEqual([]);
});

it('done read after the rejection, never awaited: nothing unhandled', async () => {
  const c = make();
  c.reject(error);
  void c.done;
  await tick();
  expect(unhandled).toEqual([]);
});

it('awaited through then() while pending: the awaiting caller gets the error, nothing unhandled', async () => {
  const c = make();
  const awaited = (async () => {
    try {
      await c;
      return 'resolved';
    } catch (e) {
      return (e as MqttError).code;
    }
  })();
  c.reject(error);
  expect(await awaited).toBe('CONNECTION_CLOSED');
  void c.done;
  await tick();
  expect(unhandled).toEqual([]);
});

it('then() with only a fulfilment handler passes the rejection on to its own result, as a Promise does', async () => {
  const c = make();
  const chained = c.then((v) => v + 1);
  c.reject(error);
  await expect(chained).rejects.toBe(error);
  await tick();
  expect(unhandled).toEqual([]);
});

it('never observed at all: nothing unhandled (no promise exists)', async () => {
  make().reject(error);
  await tick();
  expect(unhandled).toEqual([]);
});
