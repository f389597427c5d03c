// Appends this file's row to the run's results file (see global-setup.ts).
import { inject } from 'vitest';
import { recordResult, type FaultResult } from '../../src/results.js';

export function report(result: FaultResult): Promise<void> {
  return recordResult(inject('resultsFile'), result);
}
