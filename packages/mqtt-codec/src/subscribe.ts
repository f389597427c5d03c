// SUBSCRIBE, SUBACK, UNSUBSCRIBE, UNSUBACK. Topic filters are validated both ways.
// Canonical form: v5 subscriptions always carry noLocal, retainAsPublished and retainHandling
// (v3 never do); a v5 UNSUBACK always carries reasonCodes (a v3 one never does).
import { fail, invalidPacket, invalidQos, malformed, REASON_PROTOCOL_ERROR } from './fail.js';
import type { PacketCodec } from './packet-codec.js';
import type { PacketType, Properties, ProtocolVersion, QoS, SubackPacket, SubscribePacket, Subscription, UnsubackPacket, UnsubscribePacket } from './packets.js';
import { readProperties, withProperties, writeProperties, type PropertyContext } from './properties.js';
import { checkReasonCode } from './reason-codes.js';
import type { Reader } from './reader.js';
import { checkTopicFilter } from './topic.js';
import { checkOptionalBoolean, checkPacketId, checkQos, isObject, type Sink } from './writer.js';

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

/** A topic filter: a string field that must also be a valid filter. */
function writeFilter(w: Sink, filter: string, what: string): void {
  w.utf8(filter, what);
  checkTopicFilter(filter);
}

// ---- SUBSCRIBE ----------------------------------------------------------------------------

function checkSubscription(sub: unknown, version: ProtocolVersion): asserts sub is Subscription {
  if (!isObject(sub)) invalidPacket('subscribe: subscription must be an object');
  checkQos(sub.qos, 'subscribe');
  checkOptionalBoolean(sub.noLocal, 'subscribe: noLocal');
  checkOptionalBoolean(sub.retainAsPublished, 'subscribe: retainAsPublished');
  const rh = sub.retainHandling;
  if (rh !== undefined && rh !== 0 && rh !== 1 && rh !== 2) invalidPacket('subscribe: retainHandling must be 0, 1 or 2');
  if (version !== 5 && (sub.noLocal === true || sub.retainAsPublished === true || (rh ?? 0) !== 0)) {
    invalidPacket('subscribe: subscription options other than QoS need MQTT 5');
  }
}

function optionsByte(sub: Subscription): number {
  return sub.qos | (sub.noLocal ? 0x04 : 0) | (sub.retainAsPublished ? 0x08 : 0) | ((sub.retainHandling ?? 0) << 4);
}

export const subscribeCodec: PacketCodec<SubscribePacket> = {
  write(w, packet, version) {
    checkPacketId(packet.packetId, 'subscribe');
    checkNonEmptyArray(packet.subscriptions, 'subscribe: subscriptions'); // [MQTT-3.8.3-3]
    w.u16(packet.packetId);
    if (version === 5) writeProperties(w, packet.properties, 'subscribe');
    for (const sub of packet.subscriptions) {
      checkSubscription(sub, version);
      writeFilter(w, sub.topicFilter, 'subscribe: topicFilter');
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
        if (options & 0xfc) malformed('subscribe: reserved option bits 7-2 are set'); // [MQTT-3.8.3-4] (3.1.1)
        subscriptions.push({ topicFilter, qos: qos as QoS });
        continue;
      }
      if (options & 0xc0) malformed('subscribe: reserved option bits 7-6 are set'); // [MQTT-3.8.3-5] (v5)
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
  write(w, packet, version) {
    checkPacketId(packet.packetId, 'suback');
    checkNonEmptyArray(packet.reasonCodes, 'suback: reasonCodes');
    w.u16(packet.packetId);
    if (version === 5) writeProperties(w, packet.properties, 'suback');
    for (const code of packet.reasonCodes) w.u8(checkReasonCode('suback', code, version));
  },
  decode(r, _flags, version) {
    const { packetId, properties } = readHead(r, 'suback', version);
    return withProperties<SubackPacket>({ type: 'suback', packetId, reasonCodes: readReasonCodes(r, 'suback', version) }, properties);
  },
};

// ---- UNSUBSCRIBE --------------------------------------------------------------------------

export const unsubscribeCodec: PacketCodec<UnsubscribePacket> = {
  write(w, packet, version) {
    checkPacketId(packet.packetId, 'unsubscribe');
    checkNonEmptyArray(packet.topicFilters, 'unsubscribe: topicFilters'); // [MQTT-3.10.3-2]
    w.u16(packet.packetId);
    if (version === 5) writeProperties(w, packet.properties, 'unsubscribe');
    for (const filter of packet.topicFilters) writeFilter(w, filter, 'unsubscribe: topic filter');
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
  write(w, packet, version) {
    checkPacketId(packet.packetId, 'unsuback');
    w.u16(packet.packetId);
    if (version !== 5) return; // 3.1.1 UNSUBACK has no payload; reasonCodes are v5 only
    checkNonEmptyArray(packet.reasonCodes, 'unsuback: reasonCodes');
    writeProperties(w, packet.properties, 'unsuback');
    for (const code of packet.reasonCodes) w.u8(checkReasonCode('unsuback', code, version));
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
