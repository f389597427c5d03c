// Mosquitto 2.0, the reference broker: spawned by @x/test-brokers with its own config on a free
// loopback port, with a password file, an ACL denying `denied/#`, and $SYS published every second.
import { startMosquitto } from '@x/test-brokers';
import type { BrokerDriver, BrokerHandle, Capabilities } from '../types.js';

export const CREDENTIALS = { username: 'interop', password: 'secret' } as const;

const CAPS: Capabilities = {
  versions: ['3.1', '3.1.1', '5.0'],
  maxQos: 2,
  // mosquitto.conf(5), allow_duplicate_messages: deprecated, "the behaviour will default to
  // true": a client gets one copy per matching subscription.
  overlap: 'per-subscription',
  dollar: { kind: 'sys', filter: '$SYS/broker/uptime' },
  deniedFilter: 'denied/#',
  credentials: CREDENTIALS,
  badPasswordRc: 4,
  sharedSubscriptions: true,
  peers: true,
};

export const mosquitto: BrokerDriver = {
  name: 'mosquitto',
  async start(): Promise<BrokerHandle> {
    const broker = await startMosquitto({
      users: [CREDENTIALS],
      allowAnonymous: true,
      deniedTopics: ['denied/#'],
      extraConfig: 'sys_interval 1',
    });
    return {
      name: 'mosquitto',
      host: broker.host,
      port: broker.ports.mqtt,
      caps: CAPS,
      get pid() {
        return broker.pid;
      },
      stop: () => broker.stop(),
    };
  },
};
