import { describe, expect, it } from 'vitest';
import { RecordedTimers } from '../src/driver/recorded-timers.js';

describe('RecordedTimers', () => {
  it('runs nothing until runDue(), then the due ones earliest first, ties in the order set', () => {
    let now = 0;
    const timers = new RecordedTimers(() => now);
    const ran: string[] = [];
    timers.setTimeout(() => ran.push('b'), 20);
    timers.setTimeout(() => ran.push('a'), 10);
    timers.setTimeout(() => ran.push('a2'), 10);
    timers.setTimeout(() => ran.push('late'), 100);
    now = 50;
    expect(ran).toEqual([]);
    expect(timers.nextAt).toBe(10);
    expect(timers.runDue()).toBe(3);
    expect(ran).toEqual(['a', 'a2', 'b']);
    expect(timers.nextAt).toBe(100);
  });

  it('skips a timer a callback cleared, and leaves one a callback set for the next call', () => {
    let now = 0;
    const timers = new RecordedTimers(() => now);
    const ran: string[] = [];
    const second = timers.setTimeout(() => ran.push('second'), 2);
    timers.setTimeout(() => {
      ran.push('first');
      timers.clearTimeout(second);
      timers.setTimeout(() => ran.push('re-armed'), 0);
    }, 1);
    now = 5;
    timers.runDue();
    expect(ran).toEqual(['first']);
    expect(timers.pending).toBe(1);
    timers.runDue();
    expect(ran).toEqual(['first', 're-armed']);
    expect(timers.nextAt).toBeUndefined();
  });
});
