// @arethetypeswrong/cli on each tarball. Packages with a CommonJS entry are held to the strict
// profile (node10, node16 from CJS and ESM, bundler); an ESM-only package (the CLI) to esm-only,
// which leaves out the two CommonJS resolutions it does not offer on purpose.
import { expect, inject, test } from 'vitest';
import { hasRequireEntry } from '../src/publishable.js';
import { ATTW, runScript } from '../src/tools.js';

const packed = inject('packed');
/** The resolutions each attw profile leaves out. */
const IGNORED: Record<'strict' | 'esm-only', readonly string[]> = { strict: [], 'esm-only': ['node10', 'node16-cjs'] };

interface AttwJson {
  readonly problems: Record<string, readonly { kind: string; entrypoint?: string; resolutionKind?: string }[]>;
}

test.concurrent.each(packed.map((pkg) => [pkg.name, pkg] as const))('attw reports nothing for the packed %s', async (_name, pkg) => {
  const profile = hasRequireEntry(pkg.manifest) ? 'strict' : 'esm-only';
  const result = await runScript(ATTW, [pkg.tarball, '--profile', profile, '--format', 'json', '--no-definitely-typed'], { cwd: pkg.path });
  const { problems } = JSON.parse(result.stdout) as AttwJson;
  const reported = Object.values(problems)
    .flat()
    .filter((problem) => !IGNORED[profile].includes(problem.resolutionKind ?? ''))
    .map((problem) => `${problem.kind} ${problem.entrypoint ?? ''} ${problem.resolutionKind ?? ''}`);
  expect({ profile, reported, exitCode: result.code }).toEqual({ profile, reported: [], exitCode: 0 });
});
