import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topicMatchesSub } from '../src/topic/topic-matches-sub.js';

// A reference written the obvious, recursive way, for comparison.
function reference(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
  const go = (i: number, j: number): boolean => {
    if (i === f.length) return j === t.length;
    if (f[i] === '#') return true;
    if (j === t.length) return false;
    return (f[i] === '+' || f[i] === t[j]) && go(i + 1, j + 1);
  };
  return go(0, 0);
}

const level = fc.constantFrom('a', 'b', 'sensors', '$SYS', '', 'x y');
const topic = fc.array(level, { minLength: 1, maxLength: 5 }).map((l) => l.join('/')).filter((t) => t.length > 0);
const filter = fc
  .tuple(fc.array(fc.oneof(level, fc.constant('+')), { minLength: 1, maxLength: 5 }), fc.boolean())
  .map(([l, hash]) => (hash ? [...l, '#'] : l).join('/'))
  .filter((f) => f.length > 0);

describe('topicMatchesSub', () => {
  it('matches the examples of the Paho README', () => {
    expect(topicMatchesSub('foo/#', 'foo/bar')).toBe(true);
    expect(topicMatchesSub('+/bar', 'foo/bar')).toBe(true);
    expect(topicMatchesSub('non/+/+', 'non/matching')).toBe(false);
  });

  it('lets # match the parent level and + match an empty level', () => {
    expect(topicMatchesSub('sport/#', 'sport')).toBe(true);
    expect(topicMatchesSub('#', 'a/b/c')).toBe(true);
    expect(topicMatchesSub('+/+', '/finance')).toBe(true);
    expect(topicMatchesSub('+', '/finance')).toBe(false);
  });

  it('never matches a $ topic with a leading wildcard, but does with a literal $ level', () => {
    expect(topicMatchesSub('#', '$SYS/uptime')).toBe(false);
    expect(topicMatchesSub('+/uptime', '$SYS/uptime')).toBe(false);
    expect(topicMatchesSub('$SYS/#', '$SYS/uptime')).toBe(true);
  });

  it('matches $share/group/filter as its filter', () => {
    expect(topicMatchesSub('$share/g1/sensors/+', 'sensors/t')).toBe(true);
    expect(topicMatchesSub('$share/g1/sensors/+', 'other/t')).toBe(false);
  });

  it('rejects invalid filters and topics', () => {
    expect(topicMatchesSub('a/#/b', 'a/x/b')).toBe(false);
    expect(topicMatchesSub('a+', 'a+')).toBe(false);
    expect(topicMatchesSub('a/+', 'a/+')).toBe(false);
  });

  it('agrees with a reference implementation on random filters and topics', () => {
    fc.assert(fc.property(filter, topic, (f, t) => topicMatchesSub(f, t) === reference(f, t)), { numRuns: 2000 });
  });
});
