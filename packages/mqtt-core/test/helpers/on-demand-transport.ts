// A Transport whose connection is read only on demand, like a paused socket: the ScriptedBroker's
// answers wait in an inbox until read() delivers them (an external event loop's loop_read). No
// sockets, no sleeps; pause/resume are recorded and change nothing.
import type { Transport, TransportConnection, TransportHandlers } from '../../src/transport.js';
import { ScriptedBroker } from './scripted-broker.js';

export class OnDemandTransport implements Transport {
  readonly name = 'on-demand';
  readonly broker: ScriptedBroker;
  /** Answers from the broker that read() has not delivered yet. */
  inbox: Uint8Array[] = [];
  /** Every write() call's bytes, in order. */
  readonly writes: Uint8Array[] = [];
  /** write() returns false while true (the socket is full). */
  full = false;
  readonly flow: Array<'pause' | 'resume'> = [];
  handlers: TransportHandlers | undefined;
  closedBy: 'end' | 'destroy' | undefined;

  constructor(broker: ScriptedBroker) {
    this.broker = broker;
  }

  async connect(handlers: TransportHandlers): Promise<TransportConnection> {
    this.handlers = handlers;
    this.broker.reset();
    let open = true;
    const close = (how: 'end' | 'destroy'): void => {
      if (!open) return;
      open = false;
      this.closedBy = how;
      queueMicrotask(() => handlers.onClose());
    };
    return {
      write: (bytes) => {
        if (!open) return false;
        this.writes.push(bytes);
        this.inbox.push(...this.broker.feed(bytes));
        return !this.full;
      },
      read: () => {
        const chunks = this.inbox.splice(0);
        for (const chunk of chunks) if (open) handlers.onData(chunk);
        return chunks.reduce((n, c) => n + c.length, 0);
      },
      pause: () => void this.flow.push('pause'),
      resume: () => void this.flow.push('resume'),
      end: () => close('end'),
      destroy: () => close('destroy'),
    };
  }

  /** The packet types the broker received, in order. */
  received(): string[] {
    return this.broker.received.map((p) => p.type);
  }
}
