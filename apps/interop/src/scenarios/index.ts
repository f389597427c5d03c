// Every scenario, in report order.
import type { Scenario } from '../types.js';
import { basicScenarios } from './basic.js';

export const ALL_SCENARIOS: readonly Scenario[] = [...basicScenarios];
