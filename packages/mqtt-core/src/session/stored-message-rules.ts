// Whether a stored message is one the session can send: a SessionStore refuses to write, and to read
// back, anything else. One definition for every store: the codec's own PUBLISH validation
// (encodedLength, the same checks as encode) and isValidTopicName.

import { encodedLength, ProtocolVersion, type PublishPacket } from '@x/mqtt-codec';
import { isValidTopicName } from '../topic/topic-matches-sub.js';
import type { OutgoingState, StoredMessage } from './session-store.js';

/** The flow states each QoS can be in ([MQTT-4.3.2], [MQTT-4.3.3]); QoS 0 is never stored. */
const STATES_OF_QOS: Readonly<Record<number, readonly OutgoingState[]>> = {
  1: ['queued', 'wait-puback'],
  2: ['queued', 'wait-pubrec', 'wait-pubcomp'],
};

/** Why `message` cannot be sent, or undefined when it can. Never throws. */
export function unsendableReason(message: StoredMessage): string | undefined {
  const states = STATES_OF_QOS[message.qos];
  if (states === undefined) return `QoS ${String(message.qos)} is not a stored QoS (1 or 2)`;
  if (!states.includes(message.state)) return `state ${String(message.state)} does not fit QoS ${message.qos}`;
  if (message.packetId !== undefined && !isPacketId(message.packetId)) return `packet id ${String(message.packetId)} is out of range 1-65535`; // [MQTT-2.3.1-1]
  if (message.packetId === undefined && message.state !== 'queued') return `state ${message.state} needs a packet id`;
  if (!isValidTopicName(message.topic)) return `topic ${JSON.stringify(message.topic.slice(0, 64))} is not a valid topic name`;
  const packet: PublishPacket = {
    type: 'publish',
    topic: message.topic,
    payload: message.payload,
    qos: message.qos,
    retain: message.retain,
    dup: false,
    packetId: message.packetId ?? 1,
    ...(message.properties !== undefined ? { properties: message.properties } : {}),
  };
  try {
    // Properties are only ever sent on MQTT 5, so they are checked as MQTT 5 would send them.
    encodedLength(packet, message.properties !== undefined ? ProtocolVersion.MQTT_5 : ProtocolVersion.MQTT_3_1_1);
  } catch (error) {
    /* v8 ignore next: encodedLength throws only MqttError (an Error) */
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

/** True for a packet identifier: an integer 1..65535. */
export function isPacketId(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 0xffff;
}
