// The body of one log record: a StoreOperation (or one of the log's own entries, a header and a
// nextMid) in a compact binary form. Payload bytes are stored raw as the record's tail; properties
// use the tagged value encoding. encode and decode are exact inverses for every valid operation.

import { MqttError } from '@x/mqtt-codec';
import type { OutgoingState, StoredMessage, StoreOperation } from '@x/mqtt-core';
import { ByteReader, ByteWriter, MalformedRecord } from './bytes.js';
import { isPacketId, unsendableReason } from '@x/mqtt-core';
import { readValue, writeValue } from './value-codec.js';

type Properties = NonNullable<StoredMessage['properties']>;

/** What a record can hold: the store's operations plus the log's own bookkeeping. */
export type LogEntry =
  | StoreOperation
  /** First record of every log file: identifies the format. */
  | { readonly op: 'header'; readonly formatVersion: number }
  /** Written by compaction, which drops deleted messages whose mids raised nextMid. */
  | { readonly op: 'nextMid'; readonly nextMid: number };

/** Version of the record format this module writes and reads. */
export const FORMAT_VERSION = 1;

const OpCode = {
  header: 0,
  putOutgoing: 1,
  deleteOutgoing: 2,
  putIncoming: 3,
  deleteIncoming: 4,
  clearIncoming: 5,
  nextMid: 6,
} as const;

const MAGIC = new Uint8Array([0x58, 0x4d, 0x51, 0x53]); // "XMQS"
const STATES: readonly OutgoingState[] = ['queued', 'wait-puback', 'wait-pubrec', 'wait-pubcomp'];
const FLAG_RETAIN = 0b0000_0100;
const FLAG_PACKET_ID = 0b0000_1000;
const FLAG_PROPERTIES = 0b0001_0000;

/** Encodes one entry as a record body. Throws SESSION_STORE_ERROR for a value that cannot be stored. */
export function encodeEntry(entry: LogEntry): Uint8Array {
  switch (entry.op) {
    case 'header':
      return new ByteWriter(8).u8(OpCode.header).raw(MAGIC).varint(entry.formatVersion).view();
    case 'putOutgoing':
      return encodePut(entry.message);
    case 'deleteOutgoing':
      return new ByteWriter(10).u8(OpCode.deleteOutgoing).varint(checkMid(entry.mid)).view();
    case 'putIncoming':
      return new ByteWriter(4).u8(OpCode.putIncoming).varint(checkPacketId(entry.packetId)).view();
    case 'deleteIncoming':
      return new ByteWriter(4).u8(OpCode.deleteIncoming).varint(checkPacketId(entry.packetId)).view();
    case 'clearIncoming':
      return new ByteWriter(1).u8(OpCode.clearIncoming).view();
    case 'nextMid':
      return new ByteWriter(10).u8(OpCode.nextMid).varint(checkMid(entry.nextMid)).view();
  }
}

function encodePut(message: StoredMessage): Uint8Array {
  const state = STATES.indexOf(message.state);
  if (state < 0) throw invalid(`unknown outgoing state ${String(message.state)}`);
  if (message.qos !== 0 && message.qos !== 1 && message.qos !== 2) throw invalid(`invalid QoS ${String(message.qos)}`);
  if (!(message.payload instanceof Uint8Array)) throw invalid('payload is not a Uint8Array');
  if (typeof message.topic !== 'string') throw invalid('topic is not a string');
  if (message.packetId !== undefined) checkPacketId(message.packetId);
  // Never write what open() would refuse to read back: that would drop every later record too.
  const unsendable = unsendableReason(message);
  if (unsendable !== undefined) throw invalid(`message ${message.mid} cannot be sent: ${unsendable}`);
  let flags: number = message.qos;
  if (message.retain) flags |= FLAG_RETAIN;
  if (message.packetId !== undefined) flags |= FLAG_PACKET_ID;
  if (message.properties !== undefined) flags |= FLAG_PROPERTIES;
  const writer = new ByteWriter(32 + message.topic.length * 3 + message.payload.length);
  writer.u8(OpCode.putOutgoing).varint(checkMid(message.mid)).u8(flags).u8(state);
  if (message.packetId !== undefined) writer.varint(checkPacketId(message.packetId));
  writer.string(message.topic);
  if (message.properties !== undefined) writeValue(writer, message.properties);
  return writer.raw(message.payload).view();
}

/** Decodes a record body (whose CRC has been checked). Throws MalformedRecord for anything else. */
export function decodeEntry(body: Uint8Array): LogEntry {
  const reader = new ByteReader(body);
  const code = reader.u8();
  let entry: LogEntry;
  switch (code) {
    case OpCode.header: {
      const magic = reader.raw(MAGIC.length);
      if (!magic.every((byte, i) => byte === MAGIC[i])) throw new MalformedRecord('not a session log (bad magic)');
      entry = { op: 'header', formatVersion: reader.varint() };
      break;
    }
    case OpCode.putOutgoing:
      return { op: 'putOutgoing', message: decodePut(reader) };
    case OpCode.deleteOutgoing:
      entry = { op: 'deleteOutgoing', mid: reader.varint() };
      break;
    case OpCode.putIncoming:
      entry = { op: 'putIncoming', packetId: readPacketId(reader) };
      break;
    case OpCode.deleteIncoming:
      entry = { op: 'deleteIncoming', packetId: readPacketId(reader) };
      break;
    case OpCode.clearIncoming:
      entry = { op: 'clearIncoming' };
      break;
    case OpCode.nextMid:
      entry = { op: 'nextMid', nextMid: reader.varint() };
      break;
    default:
      throw new MalformedRecord(`unknown record type ${code}`);
  }
  if (reader.remaining !== 0) throw new MalformedRecord(`${reader.remaining} stray bytes after a ${entry.op} record`);
  return entry;
}

function decodePut(reader: ByteReader): StoredMessage {
  const mid = reader.varint();
  const flags = reader.u8();
  const state = STATES[reader.u8()];
  const qos = flags & 0b11;
  if (state === undefined || (qos !== 0 && qos !== 1 && qos !== 2) || flags & 0b1110_0000) throw new MalformedRecord('bad putOutgoing flags or state');
  const packetId = flags & FLAG_PACKET_ID ? readPacketId(reader) : undefined;
  const topic = reader.string();
  let properties: Properties | undefined;
  if (flags & FLAG_PROPERTIES) {
    const value = readValue(reader);
    if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) {
      throw new MalformedRecord('properties are not an object');
    }
    // The bytes were written from a Properties object by encodePut and passed their CRC.
    properties = value as Properties;
  }
  const payload = reader.raw(reader.remaining);
  const message: StoredMessage = { mid, topic, payload, qos, retain: (flags & FLAG_RETAIN) !== 0, properties, packetId, state };
  // A record with a valid CRC is still only data: hand the session nothing it cannot send. [issue 11.3]
  const unsendable = unsendableReason(message);
  if (unsendable !== undefined) throw new MalformedRecord(`message ${mid} cannot be sent: ${unsendable}`);
  return message;
}

function readPacketId(reader: ByteReader): number {
  const packetId = reader.varint();
  if (!isPacketId(packetId)) throw new MalformedRecord(`packet id ${packetId} is out of range 1-65535`); // [MQTT-2.3.1-1]
  return packetId;
}

function checkMid(mid: number): number {
  if (!Number.isSafeInteger(mid) || mid < 0) throw invalid(`mid ${mid} is not a non-negative safe integer`);
  return mid;
}

function checkPacketId(packetId: number): number {
  if (!isPacketId(packetId)) throw invalid(`packet id ${packetId} is out of range`);
  return packetId;
}

function invalid(message: string): MqttError {
  return new MqttError('SESSION_STORE_ERROR', `FileSessionStore: ${message}`);
}
