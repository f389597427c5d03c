// NATS server 2.9 with its MQTT gateway (3.1.1; QoS 0 and 1), spawned on free loopback ports with
// JetStream in a temp dir. Anonymous clients map to user `anon`; `interop`/`secret` is checked;
// both are denied subscriptions to `denied.>` (MQTT `denied/#`). ack_wait 2 s: NATS redelivers
// an unacknowledged QoS 1 message after ack_wait (default 30 s), not on reconnect.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from '@x/test-brokers';
import { Child } from '../support/child.js';
import type { BrokerDriver, BrokerHandle, Capabilities } from '../types.js';
import { CREDENTIALS } from './mosquitto.js';


const CAPS: Capabilities = {
  versions: ['3.1.1'],
  maxQos: 1,
  qosNote: 'NATS 2.9 MQTT implements QoS 0 and 1 only (observed: a QoS 2 subscription is granted QoS 1, and a QoS 2 PUBLISH closes the connection)',
  // Observed: one copy per matching subscription.
  overlap: { '3.1.1': 'per-subscription' },
  dollar: { kind: 'publish', topic: '$interop/dollar' },
  deniedFilter: 'denied/#',
  credentials: CREDENTIALS,
  // Observed: a wrong password is answered 5 (Not authorized).
  badPassword: { v3: 5, v5: 0x87 },
  sharedSubscriptions: false,
  peers: false,
  notApplicable: {
    'subs/dollar-topics': 'observed: NATS 2.9 MQTT delivers "$"-prefixed topics, its own $MQTT/... and $JS/... subjects included, to a "#" subscription, contrary to [MQTT-4.7.2-1]: a broker deviation, nothing left for the client to show',
  },
};

function config(dir: string, port: number, mqttPort: number): string {
  const deny = '{ subscribe: { deny: ["denied", "denied.>"] } }';
  return `server_name: interop_${process.pid}
listen: 127.0.0.1:${port}
jetstream { store_dir: "${join(dir, 'js')}", max_memory_store: 64MB, max_file_store: 256MB }
accounts {
  INTEROP {
    jetstream: enabled
    users: [
      { user: ${CREDENTIALS.username}, password: ${CREDENTIALS.password}, permissions: ${deny} }
      { user: anon, password: anon, permissions: ${deny} }
    ]
  }
}
no_auth_user: anon
mqtt { listen: 127.0.0.1:${mqttPort}, ack_wait: "2s" }
`;
}

export const nats: BrokerDriver = {
  name: 'nats',
  async start(): Promise<BrokerHandle> {
    const dir = await mkdtemp(join(tmpdir(), 'x-mqtt-nats-'));
    const [port, mqttPort] = [await freePort(), await freePort()];
    const file = join(dir, 'nats.conf');
    await writeFile(file, config(dir, port, mqttPort));
    const child = new Child('nats-server', ['-c', file]);
    const stop = async (): Promise<void> => {
      await child.stop();
      await rm(dir, { recursive: true, force: true });
    };
    try {
      await waitForPort(mqttPort, 20_000, () => child.exitReason());
    } catch (error) {
      await stop();
      throw error;
    }
    return { name: 'nats', host: '127.0.0.1', port: mqttPort, caps: CAPS, pid: child.pid, stop };
  },
};
