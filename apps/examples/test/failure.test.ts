// An example pointed at a port where nothing listens must fail loudly, not hang.
import { createServer, type AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { describeRun, runExample } from './run-example.js';

it('an example exits 1 and says why when the broker URL given cannot be reached', async () => {
  // a port that was free a moment ago: nothing listens there
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));

  const run = await runExample('publish-single', [`mqtt://127.0.0.1:${port}`]);
  expect(run.code, describeRun(run)).toBe(1);
  expect(run.stderr).toMatch(/^FAILED: .*(ECONNREFUSED|refused)/im);
  expect(run.stdout).not.toContain('received');
});
