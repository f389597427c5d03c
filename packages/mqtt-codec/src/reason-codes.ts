// Reason codes as data: the MQTT 5 table (§2.4, Table 2-6) with the packets each code may appear
// on, and the MQTT 3.1.1 CONNACK return codes. Validation and names are lookups, not switches.
import type { PacketType, ProtocolVersion } from './packets.js';

export interface ReasonCodeDefinition {
  readonly code: number;
  readonly name: string;
  readonly packets: readonly PacketType[];
}

const ACKS_WITH_ERRORS: readonly PacketType[] = ['connack', 'puback', 'pubrec', 'suback', 'unsuback', 'disconnect'];
const PUB_ACKS: readonly PacketType[] = ['connack', 'puback', 'pubrec', 'disconnect'];
const SERVER_ERRORS: readonly PacketType[] = ['connack', 'disconnect'];

/** MQTT 5 reason codes. A code can carry different names on different packets (0x00). */
export const REASON_CODES: readonly ReasonCodeDefinition[] = [
  { code: 0x00, name: 'Success', packets: ['connack', 'puback', 'pubrec', 'pubrel', 'pubcomp', 'unsuback', 'auth'] },
  { code: 0x00, name: 'Normal disconnection', packets: ['disconnect'] },
  { code: 0x00, name: 'Granted QoS 0', packets: ['suback'] },
  { code: 0x01, name: 'Granted QoS 1', packets: ['suback'] },
  { code: 0x02, name: 'Granted QoS 2', packets: ['suback'] },
  { code: 0x04, name: 'Disconnect with Will Message', packets: ['disconnect'] },
  { code: 0x10, name: 'No matching subscribers', packets: ['puback', 'pubrec'] },
  { code: 0x11, name: 'No subscription existed', packets: ['unsuback'] },
  { code: 0x18, name: 'Continue authentication', packets: ['auth'] },
  { code: 0x19, name: 'Re-authenticate', packets: ['auth'] },
  { code: 0x80, name: 'Unspecified error', packets: ACKS_WITH_ERRORS },
  { code: 0x81, name: 'Malformed Packet', packets: SERVER_ERRORS },
  { code: 0x82, name: 'Protocol Error', packets: SERVER_ERRORS },
  { code: 0x83, name: 'Implementation specific error', packets: ACKS_WITH_ERRORS },
  { code: 0x84, name: 'Unsupported Protocol Version', packets: ['connack'] },
  { code: 0x85, name: 'Client Identifier not valid', packets: ['connack'] },
  { code: 0x86, name: 'Bad User Name or Password', packets: ['connack'] },
  { code: 0x87, name: 'Not authorized', packets: ACKS_WITH_ERRORS },
  { code: 0x88, name: 'Server unavailable', packets: ['connack'] },
  { code: 0x89, name: 'Server busy', packets: SERVER_ERRORS },
  { code: 0x8a, name: 'Banned', packets: ['connack'] },
  { code: 0x8b, name: 'Server shutting down', packets: ['disconnect'] },
  { code: 0x8c, name: 'Bad authentication method', packets: SERVER_ERRORS },
  { code: 0x8d, name: 'Keep Alive timeout', packets: ['disconnect'] },
  { code: 0x8e, name: 'Session taken over', packets: ['disconnect'] },
  { code: 0x8f, name: 'Topic Filter invalid', packets: ['suback', 'unsuback', 'disconnect'] },
  { code: 0x90, name: 'Topic Name invalid', packets: PUB_ACKS },
  { code: 0x91, name: 'Packet Identifier in use', packets: ['puback', 'pubrec', 'suback', 'unsuback'] },
  { code: 0x92, name: 'Packet Identifier not found', packets: ['pubrel', 'pubcomp'] },
  { code: 0x93, name: 'Receive Maximum exceeded', packets: ['disconnect'] },
  { code: 0x94, name: 'Topic Alias invalid', packets: ['disconnect'] },
  { code: 0x95, name: 'Packet too large', packets: SERVER_ERRORS },
  { code: 0x96, name: 'Message rate too high', packets: ['disconnect'] },
  { code: 0x97, name: 'Quota exceeded', packets: ['connack', 'puback', 'pubrec', 'suback', 'disconnect'] },
  { code: 0x98, name: 'Administrative action', packets: ['disconnect'] },
  { code: 0x99, name: 'Payload format invalid', packets: PUB_ACKS },
  { code: 0x9a, name: 'Retain not supported', packets: SERVER_ERRORS },
  { code: 0x9b, name: 'QoS not supported', packets: SERVER_ERRORS },
  { code: 0x9c, name: 'Use another server', packets: SERVER_ERRORS },
  { code: 0x9d, name: 'Server moved', packets: SERVER_ERRORS },
  { code: 0x9e, name: 'Shared Subscriptions not supported', packets: ['suback', 'disconnect'] },
  { code: 0x9f, name: 'Connection rate exceeded', packets: SERVER_ERRORS },
  { code: 0xa0, name: 'Maximum connect time', packets: ['disconnect'] },
  { code: 0xa1, name: 'Subscription Identifiers not supported', packets: ['suback', 'disconnect'] },
  { code: 0xa2, name: 'Wildcard Subscriptions not supported', packets: ['suback', 'disconnect'] },
];

/** MQTT 3.1 / 3.1.1 CONNACK return codes (3.1.1 §3.2.2.3, Table 3.1). */
export const CONNACK_RETURN_CODES: readonly string[] = [
  'Connection Accepted',
  'Connection Refused, unacceptable protocol version',
  'Connection Refused, identifier rejected',
  'Connection Refused, Server unavailable',
  'Connection Refused, bad user name or password',
  'Connection Refused, not authorized',
];

/** 3.1.1 SUBACK failure return code ([MQTT-3.9.3-2]: 0x00, 0x01, 0x02 or 0x80). */
export const SUBACK_FAILURE = 0x80;

const BY_PACKET = new Map<PacketType, Map<number, string>>();
for (const entry of REASON_CODES) {
  for (const packet of entry.packets) {
    let codes = BY_PACKET.get(packet);
    if (codes === undefined) BY_PACKET.set(packet, (codes = new Map()));
    codes.set(entry.code, entry.name);
  }
}

/** True when `code` is a valid MQTT 5 reason code on `packet`. */
export function isReasonCodeAllowed(packet: PacketType, code: number): boolean {
  return BY_PACKET.get(packet)?.has(code) ?? false;
}

/**
 * The name of a reason code: with `packet`, the name it carries there (0x00 is "Normal
 * disconnection" on DISCONNECT); for a v3 CONNACK (`protocolVersion` 3 or 4), the return code's
 * name. Undefined when the code is unknown.
 */
export function reasonCodeName(code: number, packet?: PacketType, protocolVersion: ProtocolVersion = 5): string | undefined {
  if (packet === 'connack' && protocolVersion !== 5) return CONNACK_RETURN_CODES[code];
  if (packet !== undefined) return BY_PACKET.get(packet)?.get(code);
  return REASON_CODES.find((entry) => entry.code === code)?.name;
}

/** True when a reason code (or SUBACK/UNSUBACK entry) signals failure: 0x80 and above. */
export function isFailureReasonCode(code: number): boolean {
  return code >= 0x80;
}
