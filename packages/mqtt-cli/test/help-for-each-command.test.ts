// --help for each command prints its usage on stdout and exits 0; an unknown command exits 2.
import { expect, test } from 'vitest';
import { xmqtt } from './support/xmqtt.js';

test.each([
  ['pub', 'Usage: xmqtt pub'],
  ['sub', 'Usage: xmqtt sub'],
  ['bench', 'Usage: xmqtt bench'],
])('xmqtt %s --help', async (command, first) => {
  const got = await xmqtt([command, '--help']).done;
  expect(got.code).toBe(0);
  expect(got.stdout.startsWith(first)).toBe(true);
  expect(got.stdout).toContain('-V 31|311|5');
});

test('an unknown command: one line, exit 2', async () => {
  const got = await xmqtt(['publish']).done;
  expect(got).toMatchObject({ code: 2, stdout: '', stderr: "xmqtt: unknown command 'publish' (pub, sub, bench; xmqtt --help)\n" });
});
