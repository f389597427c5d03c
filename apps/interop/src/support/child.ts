// A child process this harness spawned, tracked by its PID: logs kept for diagnostics, and
// stop() signals only that PID (SIGTERM, then SIGKILL after a grace period).
import type { ChildProcess } from 'node:child_process';
import { spawnProgram } from '@x/test-brokers';

export class Child {
  readonly #child: ChildProcess;
  readonly #log: string[] = [];
  readonly exited: Promise<void>;
  #exitReason: string | undefined;

  /** `program`: a name in tooling/system-programs.json. */
  constructor(program: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd?: string) {
    const command = program;
    this.#child = spawnProgram(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'], ...(cwd === undefined ? {} : { cwd }) });
    const keep = (chunk: Buffer): void => {
      this.#log.push(chunk.toString('utf8'));
      if (this.#log.length > 4000) this.#log.splice(0, 2000);
    };
    this.#child.stdout?.on('data', keep);
    this.#child.stderr?.on('data', keep);
    this.#child.once('error', (error) => {
      this.#exitReason = `cannot run ${command}: ${error.message}`;
    });
    this.exited = new Promise((resolve) => {
      this.#child.once('close', (code, signal) => {
        this.#exitReason ??= `${command} exited (code ${code}, signal ${signal})`;
        resolve();
      });
    });
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  get running(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null && this.#exitReason === undefined;
  }

  /** Why it is no longer running (for waitForPort's gaveUp), with the tail of its log. */
  exitReason(): string | undefined {
    return this.#exitReason === undefined ? undefined : `${this.#exitReason}\n${this.logs().slice(-2000)}`;
  }

  logs(): string {
    return this.#log.join('');
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running && this.#child.pid !== undefined) process.kill(this.#child.pid, signal);
  }

  /** SIGTERM (after SIGCONT, in case it was frozen), SIGKILL after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (!this.running) return this.exited;
    this.signal('SIGCONT');
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
