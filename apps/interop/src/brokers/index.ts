// The brokers the harness knows, in run order, and the binaries each needs to be startable here.
import type { BrokerDriver } from '../types.js';
import { aedes } from './aedes.js';
import { mosquitto } from './mosquitto.js';
import { nats } from './nats.js';
import { rabbitmq } from './rabbitmq.js';

export interface BrokerEntry {
  readonly driver: BrokerDriver;
  /** Files that must exist for the broker to be startable; missing ones make it n/a. */
  readonly requires: readonly string[];
}

export const BROKERS: readonly BrokerEntry[] = [
  { driver: mosquitto, requires: [process.env['MOSQUITTO_BINARY'] ?? '/usr/sbin/mosquitto'] },
  { driver: aedes, requires: [] },
  { driver: nats, requires: [process.env['NATS_SERVER_BINARY'] ?? '/usr/sbin/nats-server'] },
  { driver: rabbitmq, requires: ['/usr/lib/rabbitmq/bin/rabbitmq-server', '/usr/bin/epmd'] },
];
