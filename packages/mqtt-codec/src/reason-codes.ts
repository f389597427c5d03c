// Reason codes as data: the MQTT 5 table (§2.4, Table 2-6) with the packets each code may appear
// on, and the MQTT 3.1.1 CONNACK return codes. Validation and names are lookups, not switches.
// Invariant: validation reads only ALLOWED_ON (masks), so the names stay out of a bundle that
// encodes and decodes but never names a code.
import { fail, REASON_PROTOCOL_ERROR } from './fail.js';
import { AUTH, CONNACK, DISCONNECT, packetBit, packetSetMembers, PUBACK, PUBCOMP, PUBREC, PUBREL, SUBACK, UNSUBACK } from './packet-set.js';
import type { PacketType, ProtocolVersion } from './packets.js';

/** One row of REASON_CODES: an MQTT 5 reason code, its name, and the packets it may appear on. */
export interface ReasonCodeDefinition {
  /** The reason code byte (0x00 to 0xA2). */
  readonly code: number;
  /** The name the spec gives it on these packets, such as 'Granted QoS 1'. */
  readonly name: string;
  /** The packet types that may carry the code under this name. */
  readonly packets: readonly PacketType[];
}

const ACKS_WITH_ERRORS = CONNACK | PUBACK | PUBREC | SUBACK | UNSUBACK | DISCONNECT;
const PUB_ACKS = CONNACK | PUBACK | PUBREC | DISCONNECT;
const SERVER_ERRORS = CONNACK | DISCONNECT;
const SUCCESS = CONNACK | PUBACK | PUBREC | PUBREL | PUBCOMP | UNSUBACK | AUTH;

/** MQTT 5 reason code -> the packets it may appear on (a bit per packet type). */
const ALLOWED_ON: { readonly [code: number]: number } = {
  0x00: SUCCESS | DISCONNECT | SUBACK,
  0x01: SUBACK,
  0x02: SUBACK,
  0x04: DISCONNECT,
  0x10: PUBACK | PUBREC,
  0x11: UNSUBACK,
  0x18: AUTH,
  0x19: AUTH,
  0x80: ACKS_WITH_ERRORS,
  0x81: SERVER_ERRORS,
  0x82: SERVER_ERRORS,
  0x83: ACKS_WITH_ERRORS,
  0x84: CONNACK,
  0x85: CONNACK,
  0x86: CONNACK,
  0x87: ACKS_WITH_ERRORS,
  0x88: CONNACK,
  0x89: SERVER_ERRORS,
  0x8a: CONNACK,
  0x8b: DISCONNECT,
  0x8c: SERVER_ERRORS,
  0x8d: DISCONNECT,
  0x8e: DISCONNECT,
  0x8f: SUBACK | UNSUBACK | DISCONNECT,
  0x90: PUB_ACKS,
  0x91: PUBACK | PUBREC | SUBACK | UNSUBACK,
  0x92: PUBREL | PUBCOMP,
  0x93: DISCONNECT,
  0x94: DISCONNECT,
  0x95: SERVER_ERRORS,
  0x96: DISCONNECT,
  0x97: CONNACK | PUBACK | PUBREC | SUBACK | DISCONNECT,
  0x98: DISCONNECT,
  0x99: PUB_ACKS,
  0x9a: SERVER_ERRORS,
  0x9b: SERVER_ERRORS,
  0x9c: SERVER_ERRORS,
  0x9d: SERVER_ERRORS,
  0x9e: SUBACK | DISCONNECT,
  0x9f: SERVER_ERRORS,
  0xa0: DISCONNECT,
  0xa1: SUBACK | DISCONNECT,
  0xa2: SUBACK | DISCONNECT,
};

/** Names in table order; a row's packets are ALLOWED_ON[code] unless given (0x00 has three names). */
const NAMES: readonly (readonly [code: number, name: string, packets?: number])[] = [
  [0x00, 'Success', SUCCESS],
  [0x00, 'Normal disconnection', DISCONNECT],
  [0x00, 'Granted QoS 0', SUBACK],
  [0x01, 'Granted QoS 1'],
  [0x02, 'Granted QoS 2'],
  [0x04, 'Disconnect with Will Message'],
  [0x10, 'No matching subscribers'],
  [0x11, 'No subscription existed'],
  [0x18, 'Continue authentication'],
  [0x19, 'Re-authenticate'],
  [0x80, 'Unspecified error'],
  [0x81, 'Malformed Packet'],
  [0x82, 'Protocol Error'],
  [0x83, 'Implementation specific error'],
  [0x84, 'Unsupported Protocol Version'],
  [0x85, 'Client Identifier not valid'],
  [0x86, 'Bad User Name or Password'],
  [0x87, 'Not authorized'],
  [0x88, 'Server unavailable'],
  [0x89, 'Server busy'],
  [0x8a, 'Banned'],
  [0x8b, 'Server shutting down'],
  [0x8c, 'Bad authentication method'],
  [0x8d, 'Keep Alive timeout'],
  [0x8e, 'Session taken over'],
  [0x8f, 'Topic Filter invalid'],
  [0x90, 'Topic Name invalid'],
  [0x91, 'Packet Identifier in use'],
  [0x92, 'Packet Identifier not found'],
  [0x93, 'Receive Maximum exceeded'],
  [0x94, 'Topic Alias invalid'],
  [0x95, 'Packet too large'],
  [0x96, 'Message rate too high'],
  [0x97, 'Quota exceeded'],
  [0x98, 'Administrative action'],
  [0x99, 'Payload format invalid'],
  [0x9a, 'Retain not supported'],
  [0x9b, 'QoS not supported'],
  [0x9c, 'Use another server'],
  [0x9d, 'Server moved'],
  [0x9e, 'Shared Subscriptions not supported'],
  [0x9f, 'Connection rate exceeded'],
  [0xa0, 'Maximum connect time'],
  [0xa1, 'Subscription Identifiers not supported'],
  [0xa2, 'Wildcard Subscriptions not supported'],
];

/** MQTT 5 reason codes. A code can carry different names on different packets (0x00). */
export const REASON_CODES: readonly ReasonCodeDefinition[] = /* @__PURE__ */ NAMES.map(([code, name, packets = ALLOWED_ON[code]!]) => ({
  code,
  name,
  packets: packetSetMembers<PacketType>(packets),
}));

/** MQTT 3.1 / 3.1.1 CONNACK return codes (3.1.1 §3.2.2.3, Table 3.1). */
export const CONNACK_RETURN_CODES: readonly string[] = [
  'Connection Accepted',
  'Connection Refused, unacceptable protocol version',
  'Connection Refused, identifier rejected',
  'Connection Refused, Server unavailable',
  'Connection Refused, bad user name or password',
  'Connection Refused, not authorized',
];

/** True for a 3.1 / 3.1.1 CONNACK return code: a row of CONNACK_RETURN_CODES (0..5). */
export function isConnackReturnCode(code: number): boolean {
  return Number.isInteger(code) && code >= 0 && code <= 5;
}

/** 3.1.1 SUBACK failure return code ([MQTT-3.9.3-2]: 0x00, 0x01, 0x02 or 0x80). */
export const SUBACK_FAILURE = 0x80;

/** True when `code` is a valid MQTT 5 reason code on `packet`. */
export function isReasonCodeAllowed(packet: PacketType, code: number): boolean {
  return ((ALLOWED_ON[code] ?? 0) & packetBit(packet)) !== 0;
}

/**
 * The name of a reason code: with `packet`, the name it carries there (0x00 is "Normal
 * disconnection" on DISCONNECT); for a v3 CONNACK (`protocolVersion` 3 or 4), the return code's
 * name. Undefined when the code is unknown.
 */
export function reasonCodeName(code: number, packet?: PacketType, protocolVersion: ProtocolVersion = 5): string | undefined {
  if (packet === 'connack' && protocolVersion !== 5) return CONNACK_RETURN_CODES[code];
  return REASON_CODES.find((entry) => entry.code === code && (packet === undefined || entry.packets.includes(packet)))?.name;
}

/** The codes `packet` may carry at `version`: the MQTT 5 table, or the 3.1.1 return codes. */
function isAllowedAt(packet: PacketType, code: number, version: ProtocolVersion): boolean {
  if (version === 5) return isReasonCodeAllowed(packet, code);
  if (packet === 'connack') return isConnackReturnCode(code);
  if (packet === 'suback') return code <= 2 || code === SUBACK_FAILURE; // [MQTT-3.9.3-2]
  return code === 0; // other packets carry no reason code before MQTT 5
}

/**
 * Returns `code` if `packet` may carry it at `version`; otherwise throws INVALID_REASON_CODE, with
 * reason 0x82 (Protocol Error) when `decoding`. The one check every packet family shares.
 */
export function checkReasonCode(packet: PacketType, code: unknown, version: ProtocolVersion, decoding = false): number {
  if (typeof code !== 'number' || !isAllowedAt(packet, code, version)) {
    const shown = typeof code === 'number' ? `0x${code.toString(16)}` : String(code);
    fail('INVALID_REASON_CODE', `${packet}: reason code ${shown} is not allowed in MQTT ${version === 5 ? '5' : '3'}`, decoding ? REASON_PROTOCOL_ERROR : undefined);
  }
  return code;
}

/** True when a reason code (or SUBACK/UNSUBACK entry) signals failure: 0x80 and above. */
export function isFailureReasonCode(code: number): boolean {
  return code >= 0x80;
}
