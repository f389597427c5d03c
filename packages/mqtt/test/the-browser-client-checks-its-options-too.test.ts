// Issue 13.11 for the browser entry: its constructor adds transport: 'websockets' to the options,
// and must check them first (spreading null or 42 would silently drop the mistake).
import { expect, it } from 'vitest';
import { Client } from '../src/browser.js';

it('the browser Client refuses null, a number and an unknown key with INVALID_ARGUMENT', () => {
  const invalid = expect.objectContaining({ code: 'INVALID_ARGUMENT' });
  expect(() => new Client(null as never)).toThrow(invalid);
  expect(() => new Client(42 as never)).toThrow(invalid);
  expect(() => new Client({ transport: 'udp' } as never)).toThrow(invalid);
  expect(() => new Client({ hostname: 'h' } as never)).toThrow(invalid);
  expect(new Client({ clientId: 'b' }).clientId).toBe('b');
});
