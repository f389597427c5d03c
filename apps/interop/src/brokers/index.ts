// The brokers the harness knows, in run order, and the binaries each needs to be startable here.
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
}

export const BROKERS: readonly BrokerEntry[] = [
  { driver: mosquitto, requires: ['mosquitto'] },
  { driver: aedes, requires: [] },
  { driver: nats, requires: ['nats-server'] },
  { driver: rabbitmq, requires: ['rabbitmq-server', 'epmd'] },
  { driver: ejabberd, requires: ['erl'] },
];
