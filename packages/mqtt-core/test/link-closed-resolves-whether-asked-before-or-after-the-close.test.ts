// A Link's `closed` promise is made only when someone waits on it: asked before the socket closes it
// resolves at the close, asked after it is already resolved, and a second close changes nothing.
import { expect, it } from 'vitest';
import { Link } from '../src/driver/link.js';

const settled = async (p: Promise<void>): Promise<boolean> => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10))]);

it('resolves at the close when asked before it', async () => {
  const link = new Link();
  const closed = link.closed;
  expect(link.closed).toBe(closed);
  expect(await settled(closed)).toBe(false);
  expect(link.close()).toBe(true);
  expect(await settled(closed)).toBe(true);
  expect(link.close()).toBe(false);
});

it('is already resolved when asked after the close', async () => {
  const link = new Link();
  expect(link.close()).toBe(true);
  expect(await settled(link.closed)).toBe(true);
});
