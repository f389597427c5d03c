import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopicRouter } from '../src/topic/topic-router.js';
import { topicMatchesSub } from '../src/topic/topic-matches-sub.js';

describe('a TopicRouter', () => {
  it('runs every matching filter callback once, and the default handler only when none matched', () => {
    const router = new TopicRouter<string>();
    router.add('sensors/#', 'all');
    router.add('+/humidity', 'humidity');
    router.add('sensors/temperature', 'temperature');
    const route = (topic: string): string[] => {
      const hit = router.match(topic);
      return hit.length > 0 ? [...hit].sort() : ['default'];
    };
    expect(route('sensors/humidity')).toEqual(['all', 'humidity']);
    expect(route('sensors/temperature')).toEqual(['all', 'temperature']);
    expect(route('kitchen/light')).toEqual(['default']);
    expect(router.remove('sensors/#')).toBe(true);
    expect(route('sensors/humidity')).toEqual(['humidity']);
    expect(router.size).toBe(2);
  });

  it('keeps $share filters apart from the plain filter and never routes $ topics to leading wildcards', () => {
    const router = new TopicRouter<string>();
    router.add('$share/g/a/b', 'shared');
    router.add('a/b', 'plain');
    router.add('#', 'everything');
    expect([...router.match('a/b')].sort()).toEqual(['everything', 'plain', 'shared']);
    expect(router.match('$SYS/x')).toEqual([]);
  });

  it('agrees with topicMatchesSub for random filter sets', () => {
    const level = fc.constantFrom('a', 'b', '$x', '+');
    const filterArb = fc.tuple(fc.array(level, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([l, h]) => (h ? [...l, '#'] : l).join('/'));
    const topicArb = fc.array(fc.constantFrom('a', 'b', '$x', ''), { minLength: 1, maxLength: 4 }).map((l) => l.join('/')).filter((t) => t.length > 0);
    fc.assert(
      fc.property(fc.uniqueArray(filterArb, { maxLength: 8 }), topicArb, (filters, topic) => {
        const router = new TopicRouter<string>();
        for (const f of filters) router.add(f, f);
        expect([...router.match(topic)].sort()).toEqual(filters.filter((f) => topicMatchesSub(f, topic)).sort());
      }),
      { numRuns: 500 },
    );
  });
});
