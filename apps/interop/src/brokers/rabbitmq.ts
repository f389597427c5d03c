// RabbitMQ 3.10 with rabbitmq_mqtt (3.1 and 3.1.1; QoS 0 and 1), run as our own node: its own
// epmd (spawned in the foreground on a free port, so we own its PID), HOME (Erlang cookie),
// mnesia and log dirs, node name and loopback-only ports. Stopped with `rabbitmqctl stop`, then
// by PID if it lingers; temp dirs removed.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runProgram, waitForPort } from '@x/test-brokers';
import { Child } from '../support/child.js';
import { within } from '../support/wait.js';
import type { BrokerDriver, BrokerHandle, Capabilities } from '../types.js';

const BOOT_TIMEOUT = 60_000;

const CAPS: Capabilities = {
  versions: ['3.1', '3.1.1'],
  maxQos: 1,
  qosNote: 'RabbitMQ 3.10 MQTT implements QoS 0 and 1 only (observed: a QoS 2 subscription is granted QoS 1, and a QoS 2 PUBLISH is answered with PUBACK)',
  // Observed: one copy per matching subscription (each subscription is its own binding).
  overlap: { '3.1': 'per-subscription', '3.1.1': 'per-subscription' },
  dollar: { kind: 'publish', topic: '$interop/dollar' },
  deniedFilter: 'denied/#',
  credentials: { username: 'guest', password: 'guest' },
  badPassword: { v3: 4, v5: 0x86 },
  sharedSubscriptions: false,
  peers: false,
  notApplicable: {
    'subs/dollar-topics': 'observed: RabbitMQ 3.10 maps MQTT topics onto an AMQP topic exchange and delivers a "$"-prefixed topic to a "#" subscription, contrary to [MQTT-4.7.2-1]; it has no $SYS tree: a broker deviation, nothing left for the client to show',
    'subs/failure-per-filter': 'observed (wire): when topic authorisation denies one filter, RabbitMQ 3.10 closes the connection without any SUBACK, so there is no per-filter code to report',
  },
};

function rabbitConfig(amqpPort: number, mqttPort: number): string {
  return [
    `listeners.tcp.default = 127.0.0.1:${amqpPort}`,
    `mqtt.listeners.tcp.default = 127.0.0.1:${mqttPort}`,
    'mqtt.allow_anonymous = true',
    'mqtt.default_user = guest',
    'mqtt.default_pass = guest',
    'loopback_users = none',
    'log.console = true',
    'log.console.level = warning',
    '',
  ].join('\n');
}

export const rabbitmq: BrokerDriver = {
  name: 'rabbitmq',
  async start(): Promise<BrokerHandle> {
    const dir = await mkdtemp(join(tmpdir(), 'x-mqtt-rabbit-'));
    const [epmdPort, amqpPort, distPort, mqttPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const node = `rabbit-interop-${process.pid}@localhost`;
    await mkdir(join(dir, 'mnesia'));
    await mkdir(join(dir, 'log'));
    await writeFile(join(dir, 'rabbitmq.conf'), rabbitConfig(amqpPort, mqttPort));
    await writeFile(join(dir, 'enabled_plugins'), '[rabbitmq_mqtt].\n');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: dir,
      ERL_EPMD_PORT: String(epmdPort),
      RABBITMQ_NODENAME: node,
      RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
      RABBITMQ_NODE_PORT: String(amqpPort),
      RABBITMQ_DIST_PORT: String(distPort),
      RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
      RABBITMQ_LOG_BASE: join(dir, 'log'),
      RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
      RABBITMQ_PID_FILE: join(dir, 'rabbit.pid'),
    };
    const epmd = new Child('epmd', ['-port', String(epmdPort), '-address', '127.0.0.1'], env);
    let server: Child | undefined;
    const stop = async (): Promise<void> => {
      if (server?.running) {
        await within(runProgram('rabbitmqctl', ['-n', node, 'stop'], { env }), 20_000, 'rabbitmqctl stop').catch(() => undefined);
        await server.stop(10_000);
      }
      await epmd.stop();
      await rm(dir, { recursive: true, force: true });
    };
    try {
      await waitForPort(epmdPort, 10_000, () => epmd.exitReason());
      server = new Child('rabbitmq-server', [], env, dir);
      const booting = server;
      await waitForPort(mqttPort, BOOT_TIMEOUT, () => booting.exitReason());
      // Topic authorisation: the MQTT user may not read (subscribe to) denied/# (routing key denied.#).
      await runProgram('rabbitmqctl', ['-n', node, 'set_topic_permissions', '-p', '/', 'guest', 'amq.topic', '.*', '^(?!denied\\.).*'], { env });
    } catch (error) {
      await stop();
      throw error;
    }
    return { name: 'rabbitmq', host: '127.0.0.1', port: mqttPort, caps: CAPS, pid: server.pid, stop };
  },
};
