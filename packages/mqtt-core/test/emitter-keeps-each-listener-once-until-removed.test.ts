// The engine's event emitter holds one listener per event as itself and several as a list: adding
// the same listener twice keeps it once, listeners run in the order added, and removing them one by
// one (in any order) leaves the others and finally none.
import { expect, it } from 'vitest';
import { Emitter } from '../src/driver/emitter.js';

it('adds a listener once, calls listeners in order, and removes them one by one', () => {
  const emitter = new Emitter<{ a: string }>(() => undefined);
  const seen: string[] = [];
  const one = (s: string): number => seen.push(`one ${s}`);
  const two = (s: string): number => seen.push(`two ${s}`);
  const three = (s: string): number => seen.push(`three ${s}`);
  emitter.on('a', one);
  emitter.on('a', one);
  emitter.emit('a', '1');
  emitter.on('a', two);
  emitter.on('a', two);
  emitter.on('a', three);
  emitter.emit('a', '2');
  emitter.off('a', () => undefined);
  emitter.off('a', two);
  emitter.emit('a', '3');
  emitter.off('a', one);
  emitter.emit('a', '4');
  emitter.off('a', one);
  expect(emitter.has('a')).toBe(true);
  emitter.off('a', three);
  emitter.emit('a', '5');
  expect(emitter.has('a')).toBe(false);
  emitter.off('a', three);
  expect(seen).toEqual(['one 1', 'one 2', 'two 2', 'three 2', 'one 3', 'three 3', 'three 4']);
});
