// Every scenario, in report order.
import type { Scenario } from '../types.js';
import { basicScenarios } from './basic.js';
import { connectScenarios } from './connect.js';
import { keepaliveScenarios } from './keepalive.js';
import { peerScenarios } from './peers.js';
import { redeliveryScenarios } from './redelivery.js';
import { sessionScenarios } from './sessions.js';
import { subscriptionScenarios } from './subscriptions.js';
import { v5Scenarios } from './v5.js';
import { willScenarios } from './will.js';

export const ALL_SCENARIOS: readonly Scenario[] = [
  ...connectScenarios,
  ...basicScenarios,
  ...sessionScenarios,
  ...willScenarios,
  ...subscriptionScenarios,
  ...keepaliveScenarios,
  ...redeliveryScenarios,
  ...v5Scenarios,
  ...peerScenarios,
];
