// The engine's event emitter: a throwing listener is reported (log listeners silently) and does
// not stop the others; listeners can be removed.
import { expect, it } from 'vitest';
import { Emitter } from '../src/driver/emitter.js';

it('reports a throwing listener and still calls the rest; log listeners that throw are ignored', () => {
  const errors: string[] = [];
  const emitter = new Emitter<{ a: number; log: string }>((error, event) => errors.push(`${String(event)}: ${String(error)}`));
  const seen: number[] = [];
  emitter.on('a', () => {
    throw new Error('boom');
  });
  const off = emitter.on('a', (n) => seen.push(n));
  emitter.emit('a', 1);
  off();
  emitter.emit('a', 2);
  emitter.on('log', () => {
    throw new Error('in log');
  });
  emitter.emit('log', 'x');
  emitter.on('log', () => undefined);
  emitter.emit('log', 'y');
  expect(seen).toEqual([1]);
  expect(errors).toEqual(['a: Error: boom', 'a: Error: boom']);
  expect(emitter.has('a')).toBe(true);
  expect(new Emitter<{ b: number }>(() => undefined).has('b')).toBe(false);
});
