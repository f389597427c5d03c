// ejabberd 23.01 with mod_mqtt (MQTT 3.1.1 and 5.0): the Erlang VM started by us in the foreground
// (`erl -noinput`, no distribution, so no epmd and no cookie) with its own config, Mnesia spool and
// log dir in a temp dir, one loopback MQTT listener, and one fixed user. Never the system's
// /etc/ejabberd or its service; stopped by the PID we spawned (SIGTERM: the VM shuts down cleanly).
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from '@x/test-brokers';
import { Child } from '../support/child.js';
import { waitUntil } from '../support/wait.js';
import type { BrokerDriver, BrokerHandle, Capabilities } from '../types.js';
import { CREDENTIALS } from './mosquitto.js';

const BOOT_TIMEOUT = 30_000;
/** Printed by the -eval that registers the user; the broker is ready only after it. */
const READY = 'x-mqtt-interop: user registered';

const CAPS: Capabilities = {
  versions: ['3.1.1', '5.0'],
  maxQos: 2,
  // Observed: one copy per matching subscription, to 3.1.1 and 5.0 clients alike.
  overlap: { '3.1.1': 'per-subscription', '5.0': 'per-subscription' },
  // Observed: no $SYS tree, and mod_mqtt refuses a PUBLISH to any "$" topic (see notApplicable).
  dollar: undefined,
  deniedFilter: 'denied/#',
  credentials: CREDENTIALS,
  // Observed: a CONNECT without a password is refused (CONNACK 5 / 0x87), so every client logs in.
  login: CREDENTIALS,
  // Observed: a wrong password is answered "not authorized".
  badPassword: { v3: 5, v5: 0x87 },
  // Observed: a filter the ACL refuses gets 0x8F Topic Filter invalid on 5.0, with a reason string.
  subscribeDeniedV5: 0x8f,
  sharedSubscriptions: false,
  peers: false,
  notApplicable: {
    'subs/dollar-topics':
      'observed: ejabberd 23.01 mod_mqtt has no $SYS tree and refuses a PUBLISH to any "$" topic (5.0: PUBACK 0x90 Topic Name invalid, "Publishing to this topic is forbidden by service policy"; 3.1.1: a plain PUBACK; with $interop/# allowed to subscribers, a subscriber to it got nothing on either version), so no "$" message exists that a "#" subscription could wrongly receive',
    'subs/failure-per-filter@3.1.1':
      'observed (wire): ejabberd 23.01 answers a 3.1.1 SUBSCRIBE whose second filter its ACL refuses with SUBACK 90 04 00 01 01 8f: 0x8F is a v5 reason code, not a 3.1.1 return code (0x00-0x02 or 0x80 only, [MQTT-3.9.3-2]); our client treats it as a protocol violation and closes the connection (3.1.1 §4.8), so there is no per-filter failure to report: a broker deviation',
    'v5/shared-subscriptions':
      'observed: ejabberd 23.01 CONNACK says Shared Subscription Available 0, and a SUBSCRIBE to $share/g/... is answered with DISCONNECT 0x9E "Shared Subscriptions not supported"',
  },
};

/** The multiarch dir holding ejabberd's Erlang applications (ejabberd-23.01-1, and its deps beside it), or undefined. */
function ejabberdLibs(): string | undefined {
  for (const dir of readdirSync('/usr/lib', { withFileTypes: true })) {
    if (!dir.isDirectory() || !dir.name.includes('-linux-')) continue;
    const libs = join('/usr/lib', dir.name);
    if (readdirSync(libs).some((name) => name.startsWith('ejabberd-') && existsSync(join(libs, name, 'ebin', 'ejabberd.app')))) return libs;
  }
  return undefined;
}

/**
 * Internal auth with one user. Subscriptions: mod_mqtt allows a filter when some rule's filter
 * matches it and its access rule allows, and refuses it otherwise; so the allowed filters are
 * listed (`interop/#`, and single-level filters such as `#`) and `denied/#` matches none.
 */
function config(port: number): string {
  return `hosts: ["localhost"]
loglevel: warning
hide_sensitive_log_data: true
auth_method: [internal]
acme:
  auto: false
listen:
  -
    port: ${port}
    ip: "127.0.0.1"
    module: mod_mqtt
    backlog: 1000
modules:
  mod_mqtt:
    access_subscribe:
      "interop/#": all
      "+": all
      "denied/#": none
`;
}

export const ejabberd: BrokerDriver = {
  name: 'ejabberd',
  async start(): Promise<BrokerHandle> {
    const libs = ejabberdLibs();
    if (libs === undefined) throw new Error('not installed here (missing Debian package ejabberd: run node tooling/ensure-system-deps.mjs interop)');
    const dir = await mkdtemp(join(tmpdir(), 'x-mqtt-ejabberd-'));
    const port = await freePort();
    const [spool, log] = [join(dir, 'spool'), join(dir, 'log')];
    await mkdir(spool);
    await mkdir(log);
    await writeFile(join(dir, 'ejabberd.yml'), config(port));
    await writeFile(join(dir, 'inetrc'), '{lookup, [file, native]}.\n');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: dir,
      ERL_LIBS: libs,
      ERL_INETRC: join(dir, 'inetrc'),
      ERL_CRASH_DUMP: join(log, 'erl_crash.dump'),
      ERL_CRASH_DUMP_BYTES: '0',
      EJABBERD_CONFIG_PATH: join(dir, 'ejabberd.yml'),
      EJABBERD_LOG_PATH: join(log, 'ejabberd.log'),
    };
    const register = `io:format("~s: ~p~n", ["${READY}", ejabberd_auth:try_register(<<"${CREDENTIALS.username}">>, <<"localhost">>, <<"${CREDENTIALS.password}">>)])`;
    // What `ejabberdctl foreground` runs, minus its node name, su and epmd handling.
    const server = new Child('erl', ['-noinput', '+K', 'true', '-mnesia', 'dir', `"${spool}"`, '-s', 'ejabberd', '-eval', register], env, dir);
    const stop = async (): Promise<void> => {
      await server.stop(10_000);
      await rm(dir, { recursive: true, force: true });
    };
    try {
      await waitForPort(port, BOOT_TIMEOUT, () => server.exitReason());
      const registered = (): RegExpExecArray | null => new RegExp(`${READY}: (.*)\n`).exec(server.logs());
      await waitUntil(() => registered() !== null || !server.running, BOOT_TIMEOUT, 'ejabberd to register the interop user');
      const outcome = registered()?.[1];
      if (outcome !== 'ok') throw new Error(`registering the interop user failed: ${outcome ?? server.exitReason() ?? '(no output)'}`);
    } catch (error) {
      await stop();
      throw error;
    }
    return { name: 'ejabberd', host: '127.0.0.1', port, caps: CAPS, pid: server.pid, stop };
  },
};
