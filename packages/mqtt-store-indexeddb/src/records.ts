// The values kept in the database's object stores, and the checks a value read back must pass
// before the session sees it. A value is a structured clone, so anything could be there (another
// version, another script, a tampered profile): readOutgoing() trusts nothing and never throws.

import type { OutgoingState, StoredMessage } from '@x/mqtt-core';
import { isPacketId, unsendableReason } from '@x/mqtt-core';

/** Database schema version; a database of a newer version is refused, not rewritten. */
export const FORMAT_VERSION = 1;

/** Object store names. `outgoing`: mid -> OutgoingRecord; `incoming`: packet id -> packet id; `meta`: name -> value. */
export const OUTGOING = 'outgoing';
/** The object store of the QoS 2 packet ids received and not yet released: packet id -> packet id. */
export const INCOMING = 'incoming';
/** The object store of the session's own values (such as the next mid): name -> value. */
export const META = 'meta';
export const STORES = [OUTGOING, INCOMING, META] as const;
/** Key in `meta` of the next mid to hand out. */
export const NEXT_MID = 'nextMid';

/** One outgoing message as stored: the message plus its position in the session's order. */
export interface OutgoingRecord {
  /** Rank of the first put of this mid: load() sorts by it (a replace keeps it). */
  readonly order: number;
  readonly mid: number;
  readonly topic: string;
  readonly payload: Uint8Array;
  readonly qos: 1 | 2;
  readonly retain: boolean;
  readonly properties: StoredMessage['properties'];
  readonly packetId: number | undefined;
  readonly state: OutgoingState;
}

export function toRecord(message: StoredMessage, order: number): OutgoingRecord {
  return {
    order,
    mid: message.mid,
    topic: message.topic,
    payload: ownBytes(message.payload),
    qos: message.qos as 1 | 2,
    retain: message.retain,
    properties: message.properties,
    packetId: message.packetId,
    state: message.state,
  };
}

/** A copy of just the view's bytes: a structured clone of a view keeps its whole ArrayBuffer. */
function ownBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
  return bytes.slice();
}

export function isMid(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

/** Why a message cannot be stored (the same rules readOutgoing applies), or undefined. */
export function unstorableReason(message: StoredMessage): string | undefined {
  if (!isMid(message.mid)) return `mid ${String(message.mid)} is not a positive safe integer`;
  if (typeof message.topic !== 'string') return 'topic is not a string';
  if (!(message.payload instanceof Uint8Array)) return 'payload is not a Uint8Array';
  if (typeof message.retain !== 'boolean') return 'retain is not a boolean';
  if (message.properties !== undefined && (typeof message.properties !== 'object' || message.properties === null || Array.isArray(message.properties))) return 'properties is not an object';
  return unsendableReason(message);
}

/** The message a value read from `outgoing` under `key` holds, or why the session could not send it. */
export function readOutgoing(key: IDBValidKey, value: unknown): { message: StoredMessage; order: number } | { reason: string } {
  if (!isPlainObject(value)) return { reason: 'not an object' };
  const { order, mid, topic, payload, qos, retain, properties, packetId, state } = value;
  if (typeof order !== 'number' || !Number.isSafeInteger(order) || order < 0) return { reason: `order ${String(order)} is not a safe integer >= 0` };
  if (!isMid(mid)) return { reason: `mid ${String(mid)} is not a positive safe integer` };
  if (key !== mid) return { reason: `key ${String(key)} is not the record's mid ${mid}` };
  if (typeof state !== 'string') return { reason: 'state is not a string' };
  if (packetId !== undefined && typeof packetId !== 'number') return { reason: 'packet id is not a number' };
  if (qos !== 1 && qos !== 2) return { reason: `QoS ${String(qos)} is not a stored QoS (1 or 2)` };
  const message = { mid, topic, payload, qos, retain, properties, packetId, state } as StoredMessage;
  const reason = unstorableReason(message);
  return reason === undefined ? { message, order } : { reason };
}

/** The packet id a value read from `incoming` under `key` holds, or why it is not one. */
export function readIncoming(key: IDBValidKey, value: unknown): { packetId: number } | { reason: string } {
  if (typeof key !== 'number' || !isPacketId(key)) return { reason: `packet id ${String(key)} is out of range 1-65535` }; // [MQTT-2.3.1-1]
  if (value !== key) return { reason: `value ${String(value)} is not its key ${key}` };
  return { packetId: key };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
