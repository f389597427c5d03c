// Mosquitto 2.0, the reference broker: spawned by @x/test-brokers with its own config on a free
// loopback port. Users and ACLs come from the dynamic-security plugin (mosquitto 2.0's file ACL
// never refuses a SUBSCRIBE: it only filters delivery), so `denied/#` is refused per filter in
// the SUBACK. $SYS is published every second; max_inflight_messages 5 (sent to v5 clients as the
// CONNACK Receive Maximum) gives the client's outbound flow control a limit to keep. Its temp dir is removed on stop.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProgram, startMosquitto } from '@x/test-brokers';
import type { BrokerDriver, BrokerHandle, Capabilities } from '../types.js';

const DYNSEC_PLUGIN = process.env['MOSQUITTO_DYNSEC_PLUGIN'] ?? '/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so';

export const CREDENTIALS = { username: 'interop', password: 'secret' } as const;

const CAPS: Capabilities = {
  versions: ['3.1', '3.1.1', '5.0'],
  maxQos: 2,
  // Observed with mosquitto_sub too: one copy to a 3.1.1 client (mosquitto tracks what it sent
  // to a v3 client), one copy per matching subscription to a 5.0 client.
  overlap: { '3.1': 'per-client', '3.1.1': 'per-client', '5.0': 'per-subscription' },
  dollar: { kind: 'sys', filter: '$SYS/broker/uptime' },
  deniedFilter: 'denied/#',
  credentials: CREDENTIALS,
  // mosquitto 2.0 answers a wrong password with "not authorised" (5 / 0x87), not 4 / 0x86.
  badPassword: { v3: 5, v5: 0x87 },
  sharedSubscriptions: true,
  peers: true,
};

/** A dynamic-security config: `interop` and anonymous clients may do anything but subscribe to denied/#. */
async function dynsecConfig(file: string): Promise<void> {
  // mosquitto_ctrl writes the salted PBKDF2 password hash; the roles are then replaced.
  await runProgram('mosquitto_ctrl', ['dynsec', 'init', file, CREDENTIALS.username, CREDENTIALS.password]);
  const config = JSON.parse(await readFile(file, 'utf8')) as { clients: Array<{ roles: unknown }> } & Record<string, unknown>;
  for (const client of config.clients) client.roles = [{ rolename: 'interop' }];
  config['roles'] = [
    {
      rolename: 'interop',
      acls: [
        { acltype: 'subscribePattern', topic: 'denied/#', allow: false, priority: 10 },
        { acltype: 'subscribePattern', topic: '$SYS/#', allow: true },
        { acltype: 'publishClientReceive', topic: '$SYS/#', allow: true },
      ],
    },
  ];
  config['groups'] = [{ groupname: 'anonymous', roles: [{ rolename: 'interop' }], clients: [] }];
  config['anonymousGroup'] = 'anonymous';
  config['defaultACLAccess'] = { publishClientSend: true, publishClientReceive: true, subscribe: true, unsubscribe: true };
  await writeFile(file, JSON.stringify(config, null, 1));
}

export const mosquitto: BrokerDriver = {
  name: 'mosquitto',
  async start(): Promise<BrokerHandle> {
    const dir = await mkdtemp(join(tmpdir(), 'x-mqtt-interop-dynsec-'));
    try {
      const file = join(dir, 'dynamic-security.json');
      await dynsecConfig(file);
      const broker = await startMosquitto({
        allowAnonymous: true,
        extraConfig: [`plugin ${DYNSEC_PLUGIN}`, `plugin_opt_config_file ${file}`, 'sys_interval 1', 'max_inflight_messages 5'].join('\n'),
      });
      return {
        name: 'mosquitto',
        host: broker.host,
        port: broker.ports.mqtt,
        caps: CAPS,
        get pid() {
          return broker.pid;
        },
        stop: async () => {
          await broker.stop();
          await rm(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  },
};
