// The acknowledgements a manualAck session owes the broker, in PUBLISH-arrival order: the
// application acks in any order, the PUBACK/PUBREC go out in the order the PUBLISH packets came
// [MQTT-4.6.0-2] [MQTT-4.6.0-3], so an ack behind an unacknowledged one is held until that one is
// acked too. Invariant: an entry is in `#byId` from its PUBLISH until its ack is released; all of
// them belong to the current connection (connectionClosed forgets them: the broker redelivers).
// Memory: `#byId` is one shared empty Map until the first add (most sessions never use manualAck)
// and again after clear(); it is never written while shared.
import type { Packet, Properties } from '@x/mqtt-codec';

/** One inbound QoS 1/2 message waiting for its ack. `reply` is set once the application acked it. */
export interface PendingAck {
  readonly packetId: number;
  readonly qos: 1 | 2;
  reply: Packet | undefined;
}

/** The shared empty table: read only, replaced by a Map of its own at the first add(). */
const NO_ACKS: Map<number, PendingAck> = new Map();

export class InboundAcks {
  /** Arrival order; entries before `#head` are released. */
  #order: PendingAck[] = [];
  #head = 0;
  #byId = NO_ACKS;
  #qos1 = 0;

  /** Unacknowledged (or acked but held) inbound messages. */
  get size(): number {
    return this.#byId.size;
  }

  /** The QoS 1 ones among them (QoS 2 ones are also counted by InboundFlow's id set). */
  get qos1Count(): number {
    return this.#qos1;
  }

  has(packetId: number): boolean {
    return this.#byId.has(packetId);
  }

  add(packetId: number, qos: 1 | 2): void {
    const entry: PendingAck = { packetId, qos, reply: undefined };
    this.#order.push(entry);
    if (this.#byId === NO_ACKS) this.#byId = new Map();
    this.#byId.set(packetId, entry);
    if (qos === 1) this.#qos1++;
  }

  /**
   * Records the application's ack for `packetId` and returns the acks now releasable, in arrival
   * order (possibly none: an earlier message is still unacked). undefined: no such pending message,
   * or it was acked already.
   */
  ack(packetId: number, reasonCode: number | undefined, properties: Properties | undefined): PendingAck[] | undefined {
    const entry = this.#byId.get(packetId);
    if (entry === undefined || entry.reply !== undefined) return undefined;
    entry.reply = {
      type: entry.qos === 1 ? 'puback' : 'pubrec',
      packetId,
      ...(reasonCode !== undefined ? { reasonCode } : {}),
      ...(properties !== undefined ? { properties } : {}),
    };
    const released: PendingAck[] = [];
    while (this.#head < this.#order.length && (this.#order[this.#head] as PendingAck).reply !== undefined) {
      const next = this.#order[this.#head++] as PendingAck;
      this.#byId.delete(next.packetId);
      if (next.qos === 1) this.#qos1--;
      released.push(next);
    }
    if (this.#head > 64 && this.#head * 2 > this.#order.length) {
      this.#order.splice(0, this.#head);
      this.#head = 0;
    }
    return released;
  }

  /** The connection ended: every pending message will be redelivered; returns the QoS 2 ids dropped. */
  clear(): number[] {
    const qos2: number[] = [];
    for (const entry of this.#byId.values()) if (entry.qos === 2) qos2.push(entry.packetId);
    this.#order = [];
    this.#head = 0;
    this.#byId = NO_ACKS;
    this.#qos1 = 0;
    return qos2;
  }
}
