// Writes to one open connection, honouring back-pressure: once the transport says it is full,
// bytes (and the completions that must follow them) wait in order until it drains. One gate per
// connection, so nothing held for a closed connection can leak into the next one. In external-loop
// mode (`holdAll`) every write is held until the caller's loopWrite() drains the gate.
import type { MqttError } from '@x/mqtt-codec';
import type { TransportConnection } from '../transport.js';

/** Runs once the bytes held before it are written (no argument), or with the error that dropped them. */
export type AfterWrites = (error?: MqttError) => void;

export interface WriteGateEvents {
  /** The transport is full (Paho's on_socket_register_write). */
  blocked(connection: TransportConnection): void;
  /** Everything held was written (Paho's on_socket_unregister_write). */
  unblocked(connection: TransportConnection): void;
}

export class WriteGate {
  readonly connection: TransportConnection;
  readonly #events: WriteGateEvents;
  readonly #holdAll: boolean;
  #blocked = false;
  #lastWriteHeld = false;
  #held: (Uint8Array | AfterWrites)[] = [];
  #qos0Backlog = 0;

  /** `holdAll`: hold every write until drain() (external-loop mode). Defaults to false. */
  constructor(connection: TransportConnection, events: WriteGateEvents, holdAll = false) {
    this.connection = connection;
    this.#events = events;
    this.#holdAll = holdAll;
  }

  /** True while writes wait for the transport to drain, or for drain() with `holdAll` (Paho's want_write). */
  get blocked(): boolean {
    return this.#blocked;
  }

  /** QoS 0 publishes held here until drain: they count toward maxQueuedMessages, as in Paho. */
  get qos0Backlog(): number {
    return this.#qos0Backlog;
  }

  write(bytes: Uint8Array): void {
    if (this.#holdAll && !this.#blocked) {
      // Held before the event, so a listener that calls loopWrite() at once writes these bytes.
      this.#blocked = true;
      this.#lastWriteHeld = true;
      this.#held.push(bytes);
      this.#events.blocked(this.connection);
      return;
    }
    this.#lastWriteHeld = this.#blocked;
    if (this.#blocked) {
      this.#held.push(bytes);
      return;
    }
    if (!this.connection.write(bytes)) {
      this.#blocked = true;
      this.#events.blocked(this.connection);
    }
  }

  /** True when the last bytes written are held until drain. */
  get holdsLastWrite(): boolean {
    return this.#blocked && this.#lastWriteHeld;
  }

  /**
   * Runs `fn` once the bytes held now are written (call it only while `holdsLastWrite`), or with
   * the error of abandon() if the connection goes first: a QoS 0 publish completes on its write
   * and fails with its connection; the ones held are the qos0Backlog.
   */
  afterWrites(fn: AfterWrites): void {
    this.#qos0Backlog++;
    this.#held.push((error) => {
      this.#qos0Backlog--;
      fn(error);
    });
  }

  /**
   * The connection is about to be ended: everything held is handed to the transport now, in
   * order, whatever it says about being full (it writes what it was given before it closes), and
   * the completions behind the bytes run. A graceful close would otherwise lose a held DISCONNECT.
   */
  flushAll(): void {
    const held = this.#held;
    this.#held = [];
    for (const item of held) {
      if (typeof item === 'function') item();
      else this.connection.write(item);
    }
    if (!this.#blocked) return;
    this.#blocked = false;
    this.#events.unblocked(this.connection);
  }

  /** The connection is gone: what waits for held bytes hears `error`, in order; nothing more is written. */
  abandon(error: MqttError): void {
    const held = this.#held;
    this.#held = [];
    for (const item of held) if (typeof item === 'function') item(error);
  }

  /**
   * The transport drained: write what was held, in order, until it is full again. The gate stays
   * blocked until the end, so what a completion's callback writes meanwhile queues behind the rest.
   */
  drain(): void {
    for (let i = 0; i < this.#held.length; i++) {
      const item = this.#held[i] as Uint8Array | AfterWrites;
      if (typeof item === 'function') {
        item();
      } else if (!this.connection.write(item)) {
        // The transport took these bytes: the completions right behind them run now.
        while (typeof this.#held[i + 1] === 'function') (this.#held[++i] as AfterWrites)();
        this.#held = this.#held.slice(i + 1);
        return;
      }
    }
    this.#blocked = false;
    this.#held = [];
    this.#events.unblocked(this.connection);
  }
}
