// The brokers the harness knows, in report order, the binaries each needs to be startable here, and
// its lane: two lanes run side by side, balanced so the full table takes about as long as its longest lane.
import type { BrokerDriver } from '../types.js';
import { aedes } from './aedes.js';
import { ejabberd } from './ejabberd.js';
import { mosquitto } from './mosquitto.js';
import { nats } from './nats.js';
import { rabbitmq } from './rabbitmq.js';

export interface BrokerEntry {
  readonly driver: BrokerDriver;
  /** Programs (names in tooling/system-programs.json) the broker needs; missing ones make it n/a. */
  readonly requires: readonly string[];
  /** Brokers in different lanes run their scenarios at the same time (own ports, own processes); one lane runs one broker at a time. */
  readonly lane: 0 | 1;
}

export const BROKERS: readonly BrokerEntry[] = [
  { driver: mosquitto, requires: ['mosquitto'], lane: 0 },
  { driver: aedes, requires: [], lane: 0 },
  { driver: nats, requires: ['nats-server'], lane: 1 },
  { driver: rabbitmq, requires: ['rabbitmq-server', 'epmd'], lane: 1 },
  { driver: ejabberd, requires: ['erl'], lane: 1 },
];
