// Starts a real mosquitto (never a mock) on free loopback ports with its own config in a fresh
// temp dir. Only the process it spawned is ever signalled, by PID; stop() removes the temp dir.

import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, LOOPBACK, waitForPort } from './free-port.js';
import { aclFile, mosquittoConfig, TLS_LISTENERS, type ListenerName } from './mosquitto-config.js';
import { makeTestPki, type TestPki } from './pki.js';
import { runProgram, spawnProgram } from './programs.js';


const READY_TIMEOUT = 10_000;
const STOP_TIMEOUT = 5_000;

export interface MosquittoOptions<L extends ListenerName> {
  /** Listeners to open, each on its own free port. Defaults to `['mqtt']`. */
  readonly listeners?: readonly L[];
  /** Users for a password file (made with mosquitto_passwd). Defaults to none. */
  readonly users?: ReadonlyArray<{ readonly username: string; readonly password: string }>;
  /** Defaults to true without `users`, false with them. */
  readonly allowAnonymous?: boolean;
  /** Topics (filters) an ACL file denies to everyone; all else is allowed. Defaults to no ACL. */
  readonly deniedTopics?: readonly string[];
  /** Defaults to false. */
  readonly persistence?: boolean;
  /** Use this PKI instead of making one (one is made only when a TLS listener is asked for). */
  readonly pki?: TestPki;
  /** Appended to the generated config verbatim. */
  readonly extraConfig?: string;
}

export interface MosquittoBroker<L extends ListenerName> {
  readonly host: typeof LOOPBACK;
  readonly ports: Readonly<Record<L, number>>;
  /** The PKI the TLS listeners use, if any. */
  readonly certs: TestPki | undefined;
  /** PID of the running mosquitto (changes on restart). */
  readonly pid: number;
  /** The temp dir holding the config, PKI and password files. */
  readonly dir: string;
  readonly configFile: string;
  /** What mosquitto logged so far (stdout and stderr), for debugging a failing test. */
  logs(): string;
  /** Signals the process (e.g. SIGKILL for a crash, SIGSTOP to freeze it). */
  kill(signal?: NodeJS.Signals): void;
  /** Stops the process if running and starts it again on the same ports. */
  restart(): Promise<void>;
  /** Stops the process and removes the temp dir. */
  stop(): Promise<void>;
}

/** How many times startMosquitto picks new ports after losing one to another process. */
const PORT_ATTEMPTS = 3;

export async function startMosquitto<L extends ListenerName = 'mqtt'>(options: MosquittoOptions<L> = {}): Promise<MosquittoBroker<L>> {
  const listeners = options.listeners ?? (['mqtt'] as unknown as readonly L[]);
  const dir = await mkdtemp(join(tmpdir(), 'x-mqtt-mosquitto-'));
  try {
    const needsPki = listeners.some((name) => TLS_LISTENERS.includes(name));
    const certs = options.pki ?? (needsPki ? await makeTestPki(join(dir, 'pki')) : undefined);
    const onlyWebSockets = listeners.every((name) => name === 'ws' || name === 'wss');
    const users = options.users ?? [];
    const passwordFile = users.length > 0 ? join(dir, 'passwd') : undefined;
    if (passwordFile !== undefined) {
      for (const [i, user] of users.entries()) {
        await runProgram('mosquitto_passwd', [...(i === 0 ? ['-c'] : []), '-b', passwordFile, user.username, user.password]);
      }
    }
    const denied = options.deniedTopics ?? [];
    const acl = denied.length > 0 ? join(dir, 'acl') : undefined;
    if (acl !== undefined) await writeFile(acl, aclFile(users.map((user) => user.username), denied));
    const configFile = join(dir, 'mosquitto.conf');
    // A free port can be taken by another process between freePort() and mosquitto's bind; then
    // mosquitto exits with "Address already in use" and we start again on new ports.
    for (let attempt = 1; ; attempt++) {
      const ports = {} as Record<L, number>;
      for (const name of listeners) ports[name] = await freePort();
      const anchorPort = onlyWebSockets ? await freePort() : undefined;
      const config = mosquittoConfig({
        ports,
        pki: certs,
        allowAnonymous: options.allowAnonymous ?? users.length === 0,
        persistence: options.persistence ?? false,
        dir,
        passwordFile,
        aclFile: acl,
        runAsRoot: process.getuid?.() === 0,
        extra: options.extraConfig,
        anchorPort,
      });
      await writeFile(configFile, config);
      const allPorts = [...Object.values<number>(ports), ...(anchorPort === undefined ? [] : [anchorPort])];
      const process_ = new MosquittoProcess(configFile, allPorts);
      try {
        await process_.start();
      } catch (error) {
        if (attempt < PORT_ATTEMPTS && process_.logs().includes('Address already in use')) continue;
        throw error;
    }
    return {
      host: LOOPBACK,
      ports,
      certs,
      dir,
      configFile,
      get pid() {
        return process_.pid;
      },
      logs: () => process_.logs(),
      kill: (signal = 'SIGTERM') => process_.signal(signal),
      restart: async () => {
        await process_.stop();
        await process_.start();
      },
      stop: async () => {
        await process_.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** PIDs of the mosquitto processes this module started and that are still running. */
const running = new Set<number>();
// Safety net for a test runner that exits without afterAll (a crash, a hard timeout): end our own
// children, by PID, so no broker outlives the run. stop() remains the normal way.
process.once('exit', () => {
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** One mosquitto child process at a time, restartable with the same config. */
class MosquittoProcess {
  readonly #configFile: string;
  readonly #ports: readonly number[];
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();
  #log: string[] = [];

  constructor(configFile: string, ports: readonly number[]) {
    this.#configFile = configFile;
    this.#ports = ports;
  }

  get pid(): number {
    return this.#child?.pid ?? -1;
  }

  logs(): string {
    return this.#log.join('');
  }

  async start(): Promise<void> {
    const child = spawnProgram('mosquitto', ['-c', this.#configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    if (child.pid !== undefined) running.add(child.pid);
    let exitReason: string | undefined;
    this.#exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        if (child.pid !== undefined) running.delete(child.pid);
        exitReason = `mosquitto exited (code ${code}, signal ${signal}) before it was ready:\n${this.logs()}`;
        if (this.#child === child) this.#child = undefined;
        resolve();
      });
    });
    child.once('error', (error) => {
      exitReason = `cannot run mosquitto: ${error.message}`;
    });
    const keep = (chunk: Buffer): void => {
      this.#log.push(chunk.toString('utf8'));
      if (this.#log.length > 2000) this.#log.splice(0, 1000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    try {
      for (const port of this.#ports) await waitForPort(port, READY_TIMEOUT, () => exitReason);
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  signal(signal: NodeJS.Signals): void {
    const pid = this.#child?.pid;
    if (pid !== undefined) process.kill(pid, signal);
  }

  async stop(): Promise<void> {
    const child = this.#child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return this.#exited;
    const pid = child.pid;
    if (pid !== undefined) {
      process.kill(pid, 'SIGCONT');
      process.kill(pid, 'SIGTERM');
    }
    const timer = setTimeout(() => {
      if (pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
    }, STOP_TIMEOUT);
    await this.#exited;
    clearTimeout(timer);
  }
}
