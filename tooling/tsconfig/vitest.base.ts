// The one test setup of every workspace package: resolve sibling packages to their TypeScript
// sources (the "x-mqtt-source" export condition), so tests never need a build first.
// A package that passes `coverage` gets v8 coverage of its src/ with those thresholds, applied
// whenever the run has --coverage (its `test` script); packages that pass none are unchanged.
import { defineConfig } from 'vitest/config';

/** Minimum percentages per glob of files (`'src/session/**'`): the files it matches, taken together. */
export type CoverageThresholds = Record<string, { statements?: number; branches?: number; functions?: number; lines?: number }>;

export interface PackageTestOptions {
  testTimeout?: number;
  hookTimeout?: number;
  fileParallelism?: boolean;
  coverage?: { thresholds: CoverageThresholds };
}

export function packageTests(options: PackageTestOptions = {}) {
  const { coverage, ...test } = options;
  return defineConfig({
    resolve: { conditions: ['x-mqtt-source'] },
    ssr: { resolve: { conditions: ['x-mqtt-source'] } },
    test: {
      include: ['test/**/*.test.ts'],
      ...test,
      ...(coverage === undefined
        ? {}
        : {
            coverage: {
              provider: 'v8' as const,
              include: ['src/**'],
              reporter: ['text'],
              reportOnFailure: true,
              thresholds: coverage.thresholds,
            },
          }),
    },
  });
}
