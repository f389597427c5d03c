// External-loop mode (Paho's loop_read / loop_write / loop_misc): the caller's own event loop
// drives the I/O. The engine then reads nothing on its own (the connection stays paused), writes
// nothing on its own (every send is held until write()), and arms no timer (they are recorded and
// run by misc()). This file only acts on the engine's current link; the engine does the rest.
// Injected into EngineCore as a factory (MqttEngine passes createExternalLoop): a browser can never
// read a socket on demand, so a browser bundle need not carry this file.
import type { Link } from './link.js';
import { RecordedTimers } from './recorded-timers.js';

/**
 * What a loop call did. 'ok': done (there may have been nothing to do); 'no-connection': no
 * connection is open (or opening with a socket yet); 'connection-lost': the connection ended
 * during the call; 'not-supported': the transport cannot be read on demand (the browser's WebSocket).
 */
export type LoopStatus = 'ok' | 'no-connection' | 'connection-lost' | 'not-supported';

/** The caller's loop for one engine: read(), write() and misc() act on the engine's current link. */
export class ExternalLoop implements LoopDriver {
  /** The engine's timers in this mode: recorded, run only by misc(). */
  readonly timers: RecordedTimers;
  readonly #current: () => Link | undefined;

  /** `clock` in ms; `current` answers the engine's current link (undefined while there is none). */
  constructor(clock: () => number, current: () => Link | undefined) {
    this.timers = new RecordedTimers(clock);
    this.#current = current;
  }

  /** Reads what the paused connection holds now; its packets are processed before this returns. */
  read(): LoopStatus {
    const link = this.#current();
    const connection = link?.gate?.connection;
    if (link === undefined || connection === undefined) return 'no-connection';
    if (connection.read === undefined) return 'not-supported';
    connection.read();
    return this.#outcome(link);
  }

  /** Writes what is held, in order, until the transport is full (the rest waits for the next call). */
  write(): LoopStatus {
    const link = this.#current();
    const gate = link?.gate;
    if (link === undefined || gate === undefined) return 'no-connection';
    if (gate.blocked) gate.drain();
    return this.#outcome(link);
  }

  /** Runs the timers that are due (keepalive, retry, connect and request timeouts, reconnect). */
  misc(): LoopStatus {
    const link = this.#current();
    this.timers.runDue();
    if (link === undefined) return 'no-connection';
    return this.#outcome(link);
  }

  /** True when write() has bytes to write (Paho's want_write). */
  wantWrite(): boolean {
    return this.#current()?.gate?.blocked ?? false;
  }

  #outcome(link: Link): LoopStatus {
    return this.#current() === link ? 'ok' : 'connection-lost';
  }
}

/** What an engine's external loop offers the engine (an ExternalLoop; opaque outside core). */
export interface LoopDriver {
  /** The engine's timers in this mode: recorded, run only by misc(). */
  readonly timers: RecordedTimers;
  /** Reads what the paused connection holds now (Paho's loop_read). */
  read(): LoopStatus;
  /** Writes what is held, until the transport is full (Paho's loop_write). */
  write(): LoopStatus;
  /** Runs the timers that are due (Paho's loop_misc). */
  misc(): LoopStatus;
}

/**
 * Builds an engine's external loop: `clock` in ms, `current` answers the engine's current link
 * (typed unknown here: links are core's own). Give EngineCore createExternalLoop.
 */
export type ExternalLoopFactory = (clock: () => number, current: () => unknown) => LoopDriver;

/** The ExternalLoopFactory that MqttEngine and the Node facade give to EngineCore. */
export const createExternalLoop: ExternalLoopFactory = (clock, current) => new ExternalLoop(clock, current as () => Link | undefined);
