import { expect, it } from 'vitest';
import { TopicRouter } from '../src/index.js';

// match() remembers the last topic's answer (a stream repeats its topics): adding or removing a
// filter between two matches of the same topic must change the answer.
it('a repeated topic sees filters added and removed in between', () => {
  const router = new TopicRouter<string>();
  expect(router.match('a/b')).toEqual([]);
  router.add('a/+', 'plus');
  expect(router.match('a/b')).toEqual(['plus']);
  expect(router.match('a/b')).toEqual(['plus']);
  router.add('#', 'all');
  expect([...router.match('a/b')].sort()).toEqual(['all', 'plus']);
  router.remove('a/+');
  expect(router.match('a/b')).toEqual(['all']);
  expect(router.match('a/c')).toEqual(['all']);
  expect(router.match('$SYS/x')).toEqual([]);
  router.remove('#');
  expect(router.match('a/b')).toEqual([]);
});
