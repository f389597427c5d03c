// One connection attempt and, once open, its connection and write gate. The engine holds at most
// one current Link; a Link that is no longer current is ignored (its data, drain and close events
// change nothing), so a socket still closing can never act on the next connection. The `closed`
// promise is made only when someone waits on it (disconnect()), not for every connection.
import type { TransportConnection } from '../transport.js';
import { WriteGate, type WriteGateEvents } from './write-gate.js';

export class Link {
  connection: TransportConnection | undefined;
  /** Set once the connection is open; undefined before. */
  gate: WriteGate | undefined;
  #closed: Promise<void> | undefined;
  #resolveClosed: (() => void) | undefined;
  #isClosed = false;

  /** Resolves when the socket has closed (after onClose), so disconnect() can wait for it. */
  get closed(): Promise<void> {
    if (this.#closed === undefined) {
      if (this.#isClosed) this.#closed = Promise.resolve();
      else this.#closed = new Promise<void>((resolve) => (this.#resolveClosed = resolve));
    }
    return this.#closed;
  }

  /** `holdWrites`: every write waits for the caller's loopWrite() (external-loop mode). */
  open(connection: TransportConnection, events: WriteGateEvents, holdWrites = false): void {
    this.connection = connection;
    this.gate = new WriteGate(connection, events, holdWrites);
  }

  /** The socket closed; true the first time only (a second report is ignored). */
  close(): boolean {
    if (this.#isClosed) return false;
    this.#isClosed = true;
    this.#resolveClosed?.();
    return true;
  }
}
