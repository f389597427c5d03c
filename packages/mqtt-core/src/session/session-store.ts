// What of a session must survive a reconnect (and, with a durable store, a restart), and the
// interface a store implements. The Session never calls a store: it emits `persist` effects in
// the order the state changed, and the driver applies them, awaiting a store that returns a Promise
// before it writes the packets that follow (so an id is saved before PUBREC leaves, for example).

import type { Properties, QoS } from '@x/mqtt-codec';

/** Where an outgoing QoS>0 message is in its flow. */
export type OutgoingState =
  /** Waiting for the window or a connection; no packet id yet, or one that will be replaced. */
  | 'queued'
  /** QoS 1 PUBLISH sent, PUBACK awaited. */
  | 'wait-puback'
  /** QoS 2 PUBLISH sent, PUBREC awaited. */
  | 'wait-pubrec'
  /** QoS 2 PUBREL sent, PUBCOMP awaited. */
  | 'wait-pubcomp';

/** An outgoing message as stored. Payloads are kept by reference: do not mutate them after publish. */
export interface StoredMessage {
  /** The id publish() returned (not the packet id). */
  readonly mid: number;
  /** The topic it is published to. */
  readonly topic: string;
  /** The message body. */
  readonly payload: Uint8Array;
  /** 1 or 2: only QoS>0 messages are stored. */
  readonly qos: QoS;
  /** The RETAIN flag it is published with. */
  readonly retain: boolean;
  /** Its v5 PUBLISH properties; undefined when none. */
  readonly properties: Properties | undefined;
  /** Set once the message entered the in-flight window. */
  readonly packetId: number | undefined;
  /** Where it is in its flow. */
  readonly state: OutgoingState;
}

/** Everything a Session needs to resume: snapshot() returns it, restore() and the stores take it. */
export interface SessionSnapshot {
  /** The snapshot format's version: 1. */
  readonly version: 1;
  /** Outgoing QoS>0 messages in their original order: in flight first, then queued. */
  readonly outgoing: readonly StoredMessage[];
  /** Packet ids of inbound QoS 2 PUBLISH whose PUBREL has not arrived (exactly-once state). */
  readonly incomingQos2: readonly number[];
  /** The next mid to hand out. */
  readonly nextMid: number;
}

/** One change to the persisted state, applied in order. */
export type StoreOperation =
  | {
      /** Store `message`, replacing one stored with the same mid. */
      readonly op: 'putOutgoing';
      /** The outgoing message as it is now. */
      readonly message: StoredMessage;
    }
  | {
      /** Forget the outgoing message `mid`: it needs no more sending. */
      readonly op: 'deleteOutgoing';
      /** The message id of the outgoing message. */
      readonly mid: number;
    }
  | {
      /** Remember an inbound QoS 2 `packetId` whose PUBREL has not come yet. */
      readonly op: 'putIncoming';
      /** The packet id of the inbound QoS 2 PUBLISH. */
      readonly packetId: number;
    }
  | {
      /** Forget the inbound QoS 2 `packetId`: its PUBREL came. */
      readonly op: 'deleteIncoming';
      /** The packet id of the inbound QoS 2 PUBLISH. */
      readonly packetId: number;
    }
  | {
      /** Forget every inbound QoS 2 packet id. */
      readonly op: 'clearIncoming';
    };

/**
 * A place where a session's state survives. Both methods may return a Promise (a file or IndexedDB
 * store) or complete synchronously (memory). The driver applies operations strictly in order, and
 * waits for a returned Promise before writing later packets. A rejected Promise or a throw surfaces
 * as a SESSION_STORE_ERROR log and error, and the connection carries on.
 * `putOutgoing` for a mid already stored replaces it (order stays that of the first put).
 */
export interface SessionStore {
  /** The saved state, or undefined for none. Called once, before the first connection. */
  load(): SessionSnapshot | undefined | Promise<SessionSnapshot | undefined>;
  /** Records one change. */
  apply(operation: StoreOperation): void | Promise<void>;
}

/** A SessionStore in memory: survives reconnects of one process, not a restart. */
export class MemorySessionStore implements SessionStore {
  readonly #outgoing = new Map<number, StoredMessage>();
  readonly #incoming = new Set<number>();
  #nextMid = 1;

  load(): SessionSnapshot | undefined {
    if (this.#outgoing.size === 0 && this.#incoming.size === 0) return undefined;
    return { version: 1, outgoing: [...this.#outgoing.values()], incomingQos2: [...this.#incoming], nextMid: this.#nextMid };
  }

  apply(operation: StoreOperation): void {
    switch (operation.op) {
      case 'putOutgoing':
        this.#outgoing.set(operation.message.mid, operation.message);
        this.#nextMid = Math.max(this.#nextMid, operation.message.mid + 1);
        return;
      case 'deleteOutgoing':
        this.#outgoing.delete(operation.mid);
        return;
      case 'putIncoming':
        this.#incoming.add(operation.packetId);
        return;
      case 'deleteIncoming':
        this.#incoming.delete(operation.packetId);
        return;
      case 'clearIncoming':
        this.#incoming.clear();
        return;
    }
  }
}
