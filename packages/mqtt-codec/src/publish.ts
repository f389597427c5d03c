// PUBLISH: the hot path of every MQTT program, so it is measured and written by hand into one
// exact-size buffer. Invariant: a decoded payload is a view into the bytes the packet arrived in;
// `packetId` is present exactly when qos > 0.
import { fail, invalidPacket, invalidQos, REASON_MALFORMED_PACKET } from './fail.js';
import type { PacketCodec } from './packet-codec.js';
import type { ProtocolVersion, PublishPacket } from './packets.js';
import { propertiesLength, readProperties, withProperties, writeProperties } from './properties.js';
import { checkTopicName } from './topic.js';
import { utf8Length, writeUtf8 } from './utf8.js';
import { varintLength, writeVarint } from './varint.js';
import { allocate, checkBoolean, checkPacketId, checkQos, checkRemainingLength, copyBytes, MAX_UINT16, tooLong, Writer } from './writer.js';

const PUBLISH = 0x30;

function checkFlags(packet: PublishPacket): void {
  checkQos(packet.qos, 'publish');
  checkBoolean(packet.retain, 'publish: retain');
  checkBoolean(packet.dup, 'publish: dup');
  if (packet.dup && packet.qos === 0) fail('INVALID_FLAGS', 'publish: DUP must be 0 for QoS 0'); // [MQTT-3.3.1-2]
  if (packet.qos > 0) checkPacketId(packet.packetId, 'publish');
  else if (packet.packetId !== undefined) fail('INVALID_PACKET_ID', 'publish: QoS 0 carries no packet identifier'); // [MQTT-2.3.1-5]
  if (!(packet.payload instanceof Uint8Array)) invalidPacket('publish: payload must be a Uint8Array');
}

// The last topic validated, and its UTF-8 length: programs publish to few topics, many times.
let lastTopic = '';
let lastTopicLength = 0;

/** Byte length of the topic; validates it (an empty topic needs a v5 topic alias). */
function topicLength(packet: PublishPacket, version: ProtocolVersion): number {
  const { topic } = packet;
  if (typeof topic !== 'string') invalidPacket('publish: topic must be a string');
  if (topic === lastTopic && topic !== '') return lastTopicLength;
  checkTopicName(topic, version === 5 && packet.properties?.topicAlias !== undefined);
  const length = utf8Length(topic);
  if (length > MAX_UINT16) tooLong('publish: topic', length);
  if (topic !== '') {
    lastTopic = topic;
    lastTopicLength = length;
  }
  return length;
}


// The topic and property byte lengths of the PUBLISH last measured, for encodePublish to write.
let measuredTopic = 0;
let measuredProperties = 0;

/** The Remaining Length of a PUBLISH, validating all of it: the fast path of `encodedLength`. */
export function publishRemainingLength(packet: PublishPacket, version: ProtocolVersion): number {
  checkFlags(packet);
  measuredTopic = topicLength(packet, version);
  measuredProperties = version === 5 ? propertiesLength(packet.properties, 'publish') : 0;
  const props = version === 5 ? varintLength(measuredProperties) + measuredProperties : 0;
  return checkRemainingLength('publish', 2 + measuredTopic + (packet.qos > 0 ? 2 : 0) + props + packet.payload.length);
}

/** The whole packet, fixed header included: the fast path `encode` takes for PUBLISH. */
export function encodePublish(packet: PublishPacket, version: ProtocolVersion): Uint8Array {
  const remaining = publishRemainingLength(packet, version);
  const topicBytes = measuredTopic;
  const propsBytes = measuredProperties;
  const buf = allocate(1 + varintLength(remaining) + remaining);
  buf[0] = PUBLISH | (packet.dup ? 0x08 : 0) | (packet.qos << 1) | (packet.retain ? 0x01 : 0);
  let pos = writeVarint(buf, 1, remaining);
  buf[pos] = topicBytes >>> 8;
  buf[pos + 1] = topicBytes & 0xff;
  pos = writeUtf8(buf, pos + 2, packet.topic);
  if (packet.qos > 0) {
    buf[pos++] = packet.packetId! >>> 8;
    buf[pos++] = packet.packetId! & 0xff;
  }
  if (version === 5) {
    if (propsBytes === 0) buf[pos++] = 0;
    else {
      const w = new Writer(buf, pos);
      writeProperties(w, packet.properties, 'publish');
      pos = w.pos;
    }
  }
  copyBytes(buf, pos, packet.payload);
  return buf;
}

export const publishCodec: PacketCodec<PublishPacket> = {
  // encode takes encodePublish; this generic path serves encodedLength
  write(w, packet, version) {
    checkFlags(packet);
    topicLength(packet, version);
    w.utf8(packet.topic, 'publish: topic');
    if (packet.qos > 0) w.u16(packet.packetId!);
    if (version === 5) writeProperties(w, packet.properties, 'publish');
    w.bytes(packet.payload);
  },
  decode(r, flags, version) {
    const qos = (flags >> 1) & 0b11;
    if (qos === 3) invalidQos('publish'); // [MQTT-3.3.1-4]
    const dup = (flags & 0x08) !== 0;
    if (dup && qos === 0) fail('INVALID_FLAGS', 'publish: DUP must be 0 for QoS 0', REASON_MALFORMED_PACKET); // [MQTT-3.3.1-2]
    const topic = r.utf8('topic name');
    const packetId = qos > 0 ? r.packetId('publish') : undefined;
    const properties = version === 5 ? readProperties(r, 'publish') : undefined;
    checkTopicName(topic, properties?.topicAlias !== undefined); // [MQTT-3.3.2-2]
    const packet: PublishPacket = { type: 'publish', topic, payload: r.rest(), qos: qos as 0 | 1 | 2, retain: (flags & 0x01) !== 0, dup };
    if (packetId !== undefined) packet.packetId = packetId;
    return withProperties(packet, properties);
  },
};
