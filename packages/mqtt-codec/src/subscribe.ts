// SUBSCRIBE, SUBACK, UNSUBSCRIBE, UNSUBACK. Topic filters are validated both ways.
// Canonical form: v5 subscriptions always carry noLocal, retainAsPublished and retainHandling
// (v3 never do); a v5 UNSUBACK always carries reasonCodes (a v3 one never does).
import { fail, invalidPacket, invalidQos, malformed, REASON_PROTOCOL_ERROR } from './fail.js';
import type { PacketCodec } from './packet-codec.js';
import type { PacketType, Properties, ProtocolVersion, QoS, SubackPacket, SubscribePacket, Subscription, UnsubackPacket, UnsubscribePacket } from './packets.js';
import { propertiesSectionLength, readProperties, withProperties, writeProperties, type PropertyContext } from './properties.js';
import { checkReasonCode } from './reason-codes.js';
import type { Reader } from './reader.js';
import { checkTopicFilter } from './topic.js';
import { checkOptionalBoolean, checkPacketId, checkQos, isObject, measureString } from './writer.js';

/** A decoded list that must not be empty: a Protocol Error (0x82) otherwise. */
function atLeastOne(list: readonly unknown[], type: PacketType, what: string): void {
  if (list.length === 0) fail('PROTOCOL_ERROR', `${type}: no ${what}`, REASON_PROTOCOL_ERROR);
}

/** The reason codes that end a SUBACK or v5 UNSUBACK: at least one, each allowed there. */
function readReasonCodes(r: Reader, type: 'suback' | 'unsuback', version: ProtocolVersion): number[] {
  const reasonCodes = Array.from(r.rest());
  atLeastOne(reasonCodes, type, 'reason code');
  for (const code of reasonCodes) checkReasonCode(type, code, version, true);
  return reasonCodes;
}

/** Packet id, then (v5) properties: the start of every packet in this file. */
function readHead(r: Reader, type: PacketType, version: ProtocolVersion): { packetId: number; properties: Properties | undefined } {
  return { packetId: r.packetId(type), properties: version === 5 ? readProperties(r, type as PropertyContext) : undefined };
}

function checkNonEmptyArray(value: unknown, what: string): asserts value is unknown[] {
  if (!Array.isArray(value)) invalidPacket(`${what} must be an array`);
  if (value.length === 0) fail('PROTOCOL_ERROR', `${what} must not be empty`);
}

function measureFilter(filter: unknown, what: string): number {
  const length = measureString(filter, what);
  checkTopicFilter(filter as string);
  return length;
}

// ---- SUBSCRIBE ----------------------------------------------------------------------------

function measureSubscription(sub: unknown, version: ProtocolVersion): number {
  if (!isObject(sub)) invalidPacket('subscribe: each subscription must be an object');
  checkQos(sub.qos, 'subscribe');
  checkOptionalBoolean(sub.noLocal, 'subscribe: noLocal');
  checkOptionalBoolean(sub.retainAsPublished, 'subscribe: retainAsPublished');
  const rh = sub.retainHandling;
  if (rh !== undefined && rh !== 0 && rh !== 1 && rh !== 2) invalidPacket('subscribe: retainHandling must be 0, 1 or 2');
  if (version !== 5 && (sub.noLocal === true || sub.retainAsPublished === true || (rh ?? 0) !== 0)) {
    invalidPacket('subscribe: subscription options other than QoS need MQTT 5');
  }
  return measureFilter(sub.topicFilter, 'subscribe: topicFilter') + 1;
}

function optionsByte(sub: Subscription): number {
  return sub.qos | (sub.noLocal ? 0x04 : 0) | (sub.retainAsPublished ? 0x08 : 0) | ((sub.retainHandling ?? 0) << 4);
}

export const subscribeCodec: PacketCodec<SubscribePacket> = {
  firstByte: () => 0x82, // [MQTT-3.8.1-1]
  measure(packet, version) {
    checkPacketId(packet.packetId, 'subscribe');
    checkNonEmptyArray(packet.subscriptions, 'subscribe: subscriptions'); // [MQTT-3.8.3-3]
    let length = 2 + (version === 5 ? propertiesSectionLength(packet.properties, 'subscribe') : 0);
    for (const sub of packet.subscriptions) length += measureSubscription(sub, version);
    return length;
  },
  write(w, packet, version) {
    w.u16(packet.packetId);
    if (version === 5) writeProperties(w, packet.properties, 'subscribe');
    for (const sub of packet.subscriptions) {
      w.utf8(sub.topicFilter);
      w.u8(optionsByte(sub));
    }
  },
  decode(r, _flags, version) {
    const { packetId, properties } = readHead(r, 'subscribe', version);
    const subscriptions: Subscription[] = [];
    while (r.remaining > 0) {
      const topicFilter = r.utf8('topic filter');
      checkTopicFilter(topicFilter);
      const options = r.u8('subscription options');
      const qos = options & 0b11;
      if (qos === 3) invalidQos('subscribe');
      if (version !== 5) {
        if (options & 0xfc) malformed('subscribe: reserved bits 7-2 of the requested QoS byte are set'); // [MQTT-3.8.3-4] (3.1.1)
        subscriptions.push({ topicFilter, qos: qos as QoS });
        continue;
      }
      if (options & 0xc0) malformed('subscribe: reserved bits 7-6 of the subscription options are set'); // [MQTT-3.8.3-5] (v5)
      const retainHandling = (options >> 4) & 0b11;
      if (retainHandling === 3) fail('PROTOCOL_ERROR', 'subscribe: retain handling 3', REASON_PROTOCOL_ERROR);
      subscriptions.push({ topicFilter, qos: qos as QoS, noLocal: (options & 0x04) !== 0, retainAsPublished: (options & 0x08) !== 0, retainHandling: retainHandling as 0 | 1 | 2 });
    }
    atLeastOne(subscriptions, 'subscribe', 'topic filter'); // [MQTT-3.8.3-3]
    return withProperties<SubscribePacket>({ type: 'subscribe', packetId, subscriptions }, properties);
  },
};

// ---- SUBACK -------------------------------------------------------------------------------

export const subackCodec: PacketCodec<SubackPacket> = {
  firstByte: () => 0x90,
  measure(packet, version) {
    checkPacketId(packet.packetId, 'suback');
    checkNonEmptyArray(packet.reasonCodes, 'suback: reasonCodes');
    for (const code of packet.reasonCodes) checkReasonCode('suback', code, version);
    return 2 + (version === 5 ? propertiesSectionLength(packet.properties, 'suback') : 0) + packet.reasonCodes.length;
  },
  write(w, packet, version) {
    w.u16(packet.packetId);
    if (version === 5) writeProperties(w, packet.properties, 'suback');
    for (const code of packet.reasonCodes) w.u8(code);
  },
  decode(r, _flags, version) {
    const { packetId, properties } = readHead(r, 'suback', version);
    return withProperties<SubackPacket>({ type: 'suback', packetId, reasonCodes: readReasonCodes(r, 'suback', version) }, properties);
  },
};

// ---- UNSUBSCRIBE --------------------------------------------------------------------------

export const unsubscribeCodec: PacketCodec<UnsubscribePacket> = {
  firstByte: () => 0xa2, // [MQTT-3.10.1-1]
  measure(packet, version) {
    checkPacketId(packet.packetId, 'unsubscribe');
    checkNonEmptyArray(packet.topicFilters, 'unsubscribe: topicFilters'); // [MQTT-3.10.3-2]
    let length = 2 + (version === 5 ? propertiesSectionLength(packet.properties, 'unsubscribe') : 0);
    for (const filter of packet.topicFilters) length += measureFilter(filter, 'unsubscribe: topic filter');
    return length;
  },
  write(w, packet, version) {
    w.u16(packet.packetId);
    if (version === 5) writeProperties(w, packet.properties, 'unsubscribe');
    for (const filter of packet.topicFilters) w.utf8(filter);
  },
  decode(r, _flags, version) {
    const { packetId, properties } = readHead(r, 'unsubscribe', version);
    const topicFilters: string[] = [];
    while (r.remaining > 0) {
      const filter = r.utf8('topic filter');
      checkTopicFilter(filter);
      topicFilters.push(filter);
    }
    atLeastOne(topicFilters, 'unsubscribe', 'topic filter'); // [MQTT-3.10.3-2]
    return withProperties<UnsubscribePacket>({ type: 'unsubscribe', packetId, topicFilters }, properties);
  },
};

// ---- UNSUBACK -----------------------------------------------------------------------------

export const unsubackCodec: PacketCodec<UnsubackPacket> = {
  firstByte: () => 0xb0,
  measure(packet, version) {
    checkPacketId(packet.packetId, 'unsuback');
    if (version !== 5) return 2; // 3.1.1 UNSUBACK has no payload; reasonCodes are v5 only
    checkNonEmptyArray(packet.reasonCodes, 'unsuback: reasonCodes');
    for (const code of packet.reasonCodes) checkReasonCode('unsuback', code, version);
    return 2 + propertiesSectionLength(packet.properties, 'unsuback') + packet.reasonCodes.length;
  },
  write(w, packet, version) {
    w.u16(packet.packetId);
    if (version !== 5) return;
    writeProperties(w, packet.properties, 'unsuback');
    for (const code of packet.reasonCodes!) w.u8(code);
  },
  decode(r, _flags, version) {
    const { packetId, properties } = readHead(r, 'unsuback', version);
    if (version !== 5) {
      r.done('unsuback');
      return { type: 'unsuback', packetId };
    }
    return withProperties<UnsubackPacket>({ type: 'unsuback', packetId, reasonCodes: readReasonCodes(r, 'unsuback', version) }, properties);
  },
};
