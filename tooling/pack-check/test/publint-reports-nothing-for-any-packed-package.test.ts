// publint (strict, down to suggestions) on each tarball exactly as pnpm packed it.
import { readFileSync } from 'node:fs';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { expect, inject, test } from 'vitest';

const packed = inject('packed');

test.each(packed.map((pkg) => [pkg.name, pkg.tarball] as const))('publint reports nothing for the packed %s', async (_name, tarball) => {
  const bytes = readFileSync(tarball);
  const { messages, pkg } = await publint({ pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }, level: 'suggestion', strict: true });
  const report = messages.map((message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`);
  expect(report).toEqual([]);
});
