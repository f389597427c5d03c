// The engine's emitter takes one listener of every event (the facade's one closure per client):
// it hears each event with its name, before the per-event listeners; it makes has() true, a
// throwing one is reported like any listener (log quietly), and removing it restores the rest.
import { expect, it } from 'vitest';
import { Emitter } from '../src/driver/emitter.js';

it('calls the every-event listener first, isolates it, and removes it', () => {
  const errors: string[] = [];
  const emitter = new Emitter<{ a: number; b: string; log: string }>((error, event) => errors.push(`${String(event)}: ${String(error)}`));
  const heard: string[] = [];
  expect(emitter.has('b')).toBe(false);
  emitter.off('a', () => undefined); // nothing was added: a no-op
  emitter.on('a', (n) => heard.push(`a:${n}`));
  const off = emitter.onEvery((event, arg) => {
    heard.push(`every ${String(event)}:${String(arg)}`);
    if (event !== 'a') throw new Error(`in ${String(event)}`);
  });
  expect(emitter.has('b')).toBe(true);
  emitter.emit('a', 1);
  emitter.emit('b', 'x');
  emitter.emit('log', 'y');
  // A replaced listener's remover leaves the new one in place.
  const second = (event: string): void => void heard.push(`second ${event}`);
  emitter.onEvery(second);
  off();
  emitter.emit('b', 'z');
  emitter.onEvery(() => undefined)();
  emitter.emit('a', 2);
  expect(emitter.has('b')).toBe(false);
  expect(heard).toEqual(['every a:1', 'a:1', 'every b:x', 'every log:y', 'second b', 'a:2']);
  expect(errors).toEqual(['b: Error: in b']);
});
