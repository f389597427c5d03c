// Wires a Session to a ScriptedBroker with a fake clock: every `send` effect goes to the broker,
// its answers come back through session.receive, `close` closes the link, and timers fire when
// the clock is advanced. Effects other than send/timers are recorded for assertions.

import type { Packet, ProtocolVersion } from '@x/mqtt-codec';
import { Session } from '../../src/session/session.js';
import type { SessionOptions } from '../../src/session/session-options.js';
import type { SessionEffect, TimerKind } from '../../src/session/effects.js';
import { ScriptedBroker } from './scripted-broker.js';
import type { BrokerScript } from './scripted-broker.js';

export class Harness {
  now = 0;
  readonly session: Session;
  readonly broker: ScriptedBroker;
  /** Every effect the session produced, in order. */
  readonly effects: SessionEffect[] = [];
  readonly timers = new Map<TimerKind, number>();
  open = false;
  readonly #work: (readonly SessionEffect[])[] = [];
  #running = false;

  constructor(options: Partial<SessionOptions> = {}, script: Partial<BrokerScript> = {}) {
    this.session = new Session(options);
    this.broker = new ScriptedBroker((options.protocolVersion ?? 4) as ProtocolVersion, script);
  }

  connect(): this {
    this.broker.reset();
    this.open = true;
    this.run(this.session.connectionOpened(this.now));
    return this;
  }

  /** The broker sends `packet` to the client. */
  brokerSends(packet: Packet): void {
    this.deliver(this.broker.encode(packet));
  }

  deliver(bytes: Uint8Array): void {
    this.run(this.session.receive(bytes, this.now));
  }

  /** The link drops (not via a `close` effect). */
  drop(): void {
    this.open = false;
    this.run(this.session.connectionClosed(this.now));
  }

  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      let next: [TimerKind, number] | undefined;
      for (const entry of this.timers) if (entry[1] <= end && (next === undefined || entry[1] < next[1])) next = entry;
      if (next === undefined) break;
      this.now = next[1];
      this.timers.delete(next[0]);
      this.run(this.session.timerFired(next[0], this.now));
    }
    this.now = end;
  }

  /**
   * Performs effects in order; broker answers are queued and delivered after the current batch,
   * as a real transport would (a session input never re-enters the session).
   */
  run(effects: readonly SessionEffect[]): void {
    this.#work.push(effects);
    if (this.#running) return;
    this.#running = true;
    for (let batch = this.#work.shift(); batch !== undefined; batch = this.#work.shift()) {
      const inbox: Uint8Array[] = [];
      for (const e of batch) {
        this.effects.push(e);
        if (e.type === 'send' && this.open) inbox.push(...this.broker.feed(e.bytes));
        else if (e.type === 'setTimer') this.timers.set(e.timer, e.at);
        else if (e.type === 'cancelTimer') this.timers.delete(e.timer);
        else if (e.type === 'close' && this.open) {
          this.open = false;
          this.#work.push(this.session.connectionClosed(this.now));
        }
      }
      for (const bytes of inbox) this.#work.push(this.session.receive(bytes, this.now));
    }
    this.#running = false;
  }

  /** Recorded effects of the given types. */
  of<T extends SessionEffect['type']>(...types: T[]): Extract<SessionEffect, { type: T }>[] {
    return this.effects.filter((e): e is Extract<SessionEffect, { type: T }> => (types as string[]).includes(e.type));
  }

  clear(): void {
    this.effects.length = 0;
    this.broker.received.length = 0;
  }
}

export const text = (s: string): Uint8Array => new TextEncoder().encode(s);
export const str = (b: Uint8Array): string => new TextDecoder().decode(b);
