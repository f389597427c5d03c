// An in-memory Transport wired to a ScriptedBroker, and fake timers for the engine: no sockets,
// no sleeps. Broker answers arrive on a microtask, as data from a real socket would.

import type { MqttError } from '@x/mqtt-codec';
import type { Timers } from '../../src/driver/timers.js';
import type { Transport, TransportConnection, TransportHandlers } from '../../src/transport.js';
import { ScriptedBroker } from './scripted-broker.js';

export class FakeTransport implements Transport {
  readonly name = 'fake';
  readonly broker: ScriptedBroker;
  connections = 0;
  /** Make the next connect() calls fail. */
  failNext = 0;
  /** write() returns false while true. */
  blocked = false;
  current: { handlers: TransportHandlers; connection: TransportConnection } | undefined;
  /** How the engine closed each connection, in order. */
  readonly closedBy: Array<'end' | 'destroy'> = [];
  /** end() leaves the connection half-open until `finishClosing()` (a real socket may take seconds). */
  lingerOnEnd = false;
  /** Connections not closed yet. */
  open = 0;
  /** pause()/resume() calls on the connections, in order. */
  readonly flow: Array<'pause' | 'resume'> = [];
  readonly #lingering: Array<() => void> = [];

  constructor(broker: ScriptedBroker) {
    this.broker = broker;
  }

  async connect(handlers: TransportHandlers): Promise<TransportConnection> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('ECONNREFUSED');
    }
    this.connections++;
    this.open++;
    this.broker.reset();
    let open = true;
    const close = (error?: MqttError): void => {
      if (!open) return;
      open = false;
      this.open--;
      queueMicrotask(() => handlers.onClose(error));
    };
    const connection: TransportConnection = {
      write: (bytes) => {
        if (!open) return false;
        for (const answer of this.broker.feed(bytes)) queueMicrotask(() => open && handlers.onData(answer));
        return !this.blocked;
      },
      pause: () => void this.flow.push('pause'),
      resume: () => void this.flow.push('resume'),
      end: () => {
        this.closedBy.push('end');
        if (this.lingerOnEnd) this.#lingering.push(() => close());
        else close();
      },
      destroy: (error) => {
        this.closedBy.push('destroy');
        close(error);
      },
    };
    this.current = { handlers, connection };
    return connection;
  }

  /** Lets connections left half-open by end() (with `lingerOnEnd`) finish closing. */
  finishClosing(): void {
    for (const close of this.#lingering.splice(0)) close();
  }

  /** The peer drops the connection. */
  drop(): void {
    this.current?.connection.destroy();
    this.closedBy.pop();
  }
}

export class FakeTimers implements Timers {
  time = 0;
  #next = 1;
  readonly #due = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): number {
    const id = this.#next++;
    this.#due.set(id, { at: this.time + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#due.delete(handle as number);
  }

  get pending(): number {
    return this.#due.size;
  }

  /** Moves the clock, running due callbacks in order, letting microtasks settle in between. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.#due) if (entry[1].at <= end && (next === undefined || entry[1].at < next[1].at)) next = entry;
      if (next === undefined) break;
      this.#due.delete(next[0]);
      this.time = next[1].at;
      next[1].fn();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
