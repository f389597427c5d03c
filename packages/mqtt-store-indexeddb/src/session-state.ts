// The session state the database holds, mirrored in memory so load() needs no I/O and each apply()
// knows what to write: a message's order rank and whether nextMid moved. Applying operations here
// gives exactly MemorySessionStore's result for the same operations. No I/O here.

import type { SessionSnapshot, StoredMessage, StoreOperation } from '@x/mqtt-core';

interface Entry {
  readonly message: StoredMessage;
  readonly order: number;
}

/** What one operation changes in the database, decided by SessionState.apply(). */
export type Write =
  | { readonly kind: 'putOutgoing'; readonly message: StoredMessage; readonly order: number; readonly nextMid: number | undefined }
  | { readonly kind: 'deleteOutgoing'; readonly mid: number }
  | { readonly kind: 'putIncoming'; readonly packetId: number }
  | { readonly kind: 'deleteIncoming'; readonly packetId: number }
  | { readonly kind: 'clearIncoming' };

export class SessionState {
  /** Map order is the order of first put; a replace keeps it, delete then put moves to the end. */
  readonly #outgoing = new Map<number, Entry>();
  readonly #incoming = new Set<number>();
  #nextMid = 1;
  #nextOrder = 0;

  /** Fills the state from what open() read (messages in any order; they are sorted by rank). */
  static restored(messages: readonly Entry[], incoming: readonly number[], nextMid: number): SessionState {
    const state = new SessionState();
    for (const entry of [...messages].sort((a, b) => a.order - b.order)) {
      state.#outgoing.set(entry.message.mid, entry);
      state.#nextMid = Math.max(state.#nextMid, entry.message.mid + 1);
      state.#nextOrder = Math.max(state.#nextOrder, entry.order + 1);
    }
    for (const packetId of incoming) state.#incoming.add(packetId);
    state.#nextMid = Math.max(state.#nextMid, nextMid);
    return state;
  }

  get nextMid(): number {
    return this.#nextMid;
  }

  /** Applies one operation and returns what the database must record for it. */
  apply(operation: StoreOperation): Write {
    switch (operation.op) {
      case 'putOutgoing': {
        const { message } = operation;
        const order = this.#outgoing.get(message.mid)?.order ?? this.#nextOrder++;
        this.#outgoing.set(message.mid, { message, order });
        const raised = message.mid + 1 > this.#nextMid;
        if (raised) this.#nextMid = message.mid + 1;
        return { kind: 'putOutgoing', message, order, nextMid: raised ? this.#nextMid : undefined };
      }
      case 'deleteOutgoing':
        this.#outgoing.delete(operation.mid);
        return { kind: 'deleteOutgoing', mid: operation.mid };
      case 'putIncoming':
        this.#incoming.add(operation.packetId);
        return { kind: 'putIncoming', packetId: operation.packetId };
      case 'deleteIncoming':
        this.#incoming.delete(operation.packetId);
        return { kind: 'deleteIncoming', packetId: operation.packetId };
      case 'clearIncoming':
        this.#incoming.clear();
        return { kind: 'clearIncoming' };
    }
  }

  /**
   * The state as SessionStore.load() returns it: undefined when nothing is stored (as
   * MemorySessionStore). Inbound ids (a set) in ascending order, as the database lists them.
   */
  snapshot(): SessionSnapshot | undefined {
    if (this.#outgoing.size === 0 && this.#incoming.size === 0) return undefined;
    const outgoing = [...this.#outgoing.values()].map((entry) => entry.message);
    return { version: 1, outgoing, incomingQos2: [...this.#incoming].sort((a, b) => a - b), nextMid: this.#nextMid };
  }
}
