// Collects this file's row and writes it, with how many of the file's tests passed, to the run's
// results file once the file is done (see global-setup.ts).
import { afterAll, afterEach, inject } from 'vitest';
import { recordResult, type FaultResult } from '../../src/results.js';

let row: Omit<FaultResult, 'checks'> | undefined;
let passed = 0;
let total = 0;

afterEach((context) => {
  total++;
  if (context.task.result?.state !== 'fail') passed++;
});

afterAll(async () => {
  if (row !== undefined) await recordResult(inject('resultsFile'), { ...row, checks: `${passed}/${total}` });
});

/** This file's row; written after its last test, with the pass count. */
export function report(result: Omit<FaultResult, 'checks'>): void {
  row = result;
}
