// Argument normalisation shared by publish, willSet and the helpers: payloads become bytes,
// QoS and topics are checked, with the seed's rules (ValueError there, INVALID_ARGUMENT here).
import { MqttError, type QoS } from '@x/mqtt-codec';
import { textBytes } from '@x/mqtt-core';
import { MAX_PAYLOAD_SIZE } from './constants.js';
import { refused } from './validate.js';

/** What publish() and willSet() accept as a payload; numbers become their decimal text, as in Paho. */
export type PayloadInput = Uint8Array | ArrayBuffer | string | number | null | undefined;

const EMPTY = new Uint8Array(0);

export function toPayload(payload: PayloadInput): Uint8Array {
  let bytes: Uint8Array;
  if (payload === null || payload === undefined) bytes = EMPTY;
  else if (payload instanceof Uint8Array) bytes = payload;
  else if (payload instanceof ArrayBuffer) bytes = new Uint8Array(payload);
  else if (typeof payload === 'string') bytes = textBytes(payload);
  else if (typeof payload === 'number') bytes = textBytes(String(payload));
  else throw refused(`payload must be a string, a number, bytes or null, not ${typeof payload}`);
  if (bytes.length > MAX_PAYLOAD_SIZE) throw new MqttError('PACKET_TOO_LARGE', `payload of ${bytes.length} bytes is over ${MAX_PAYLOAD_SIZE}`, { reasonCode: 0x95 });
  return bytes;
}

export function checkQos(qos: unknown): QoS {
  if (qos !== 0 && qos !== 1 && qos !== 2) throw new MqttError('INVALID_QOS', `QoS must be 0, 1 or 2, not ${String(qos)}`);
  return qos;
}

/** A topic name to publish on: non-empty, no wildcard. */
export function checkTopicName(topic: unknown): string {
  if (typeof topic !== 'string' || topic.length === 0) throw new MqttError('INVALID_TOPIC', 'topic must be a non-empty string');
  if (topic.includes('+') || topic.includes('#')) throw new MqttError('INVALID_TOPIC', `topic ${JSON.stringify(topic)} contains a wildcard`);
  return topic;
}

/** A subscription filter: non-empty. (The codec checks the wildcard placement when it encodes.) */
export function checkTopicFilter(filter: unknown): string {
  if (typeof filter !== 'string' || filter.length === 0) throw new MqttError('INVALID_TOPIC', 'topic filter must be a non-empty string');
  return filter;
}
