// Issue 13.11 for the browser entry: its constructor adds transport: 'websockets' to the options,
// and must check them first (spreading null or 42 would silently drop the mistake).
import { expect, it } from 'vitest';
import { Client } from '../src/browser.js';

it('the browser Client refuses null, a number and an unknown key with INVALID_ARGUMENT, and a browser cannot have tlsSet files', () => {
  const invalid = expect.objectContaining({ code: 'INVALID_ARGUMENT' });
  expect(() => new Client(null as never)).toThrow(invalid);
  expect(() => new Client(42 as never)).toThrow(invalid);
  expect(() => new Client({ transport: 'udp' } as never)).toThrow(invalid);
  expect(() => new Client({ hostname: 'h' } as never)).toThrow(invalid);
  // No file system in a browser: a path is not read at tlsSet() (the browser does TLS itself).
  expect(() => new Client().tlsSet({ ca: 'no/such/file' })).not.toThrow();
  expect(new Client({ clientId: 'b' }).clientId).toBe('b');
});
