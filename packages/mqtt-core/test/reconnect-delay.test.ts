import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '../src/session/backoff.js';

describe('reconnectDelay', () => {
  it('doubles from 1 s up to 120 s by default, as Paho reconnect_delay_set', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 50].map((a) => reconnectDelay(a))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 64000, 120000, 120000, 120000]);
  });

  it('honours min and max delays', () => {
    expect([0, 1, 2, 3].map((a) => reconnectDelay(a, { minDelay: 2, maxDelay: 5 }))).toEqual([2000, 4000, 5000, 5000]);
  });

  it('draws jitter below the delay only', () => {
    expect(reconnectDelay(2, { jitter: 0.5 }, () => 0)).toBe(4000);
    expect(reconnectDelay(2, { jitter: 0.5 }, () => 0.999999)).toBe(2000);
  });
});
