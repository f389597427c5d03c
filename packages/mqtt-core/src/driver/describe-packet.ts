// Log lines for packets sent and received, in the style of Paho's debug log ("Sending PUBLISH ...",
// "Received CONNACK ..."). Never includes a password, authentication data or a payload.

import type { Packet } from '@x/mqtt-codec';
import { disconnectReasonName, hexCode } from '../session/connack-codes.js';

/** A log line for a packet, in Paho's style; never includes the password, auth data or payload. */
export function describePacket(packet: Packet, verb: 'Sending' | 'Received'): string {
  switch (packet.type) {
    case 'connect':
      return `${verb} CONNECT (u${packet.username !== undefined ? 1 : 0}, p${packet.password !== undefined ? 1 : 0}, wr${packet.will?.retain ? 1 : 0}, wq${packet.will?.qos ?? 0}, wf${packet.will ? 1 : 0}, c${packet.cleanStart ? 1 : 0}, k${packet.keepalive}) client_id=${JSON.stringify(packet.clientId)}`;
    case 'connack':
      return `${verb} CONNACK (${packet.sessionPresent ? 1 : 0}, ${packet.reasonCode})`;
    case 'publish':
      return `${verb} PUBLISH (d${packet.dup ? 1 : 0}, q${packet.qos}, r${packet.retain ? 1 : 0}, m${packet.packetId ?? 0}), '${packet.topic}', ... (${packet.payload.length} bytes)`;
    case 'puback':
    case 'pubrec':
    case 'pubrel':
    case 'pubcomp':
    case 'subscribe':
    case 'unsubscribe':
    case 'suback':
    case 'unsuback':
      return `${verb} ${packet.type.toUpperCase()} (Mid: ${packet.packetId})`;
    case 'disconnect':
      // A v5 reason code is shown with its DISCONNECT name: "(0x94 Topic Alias invalid)".
      return packet.reasonCode === undefined ? `${verb} DISCONNECT` : `${verb} DISCONNECT (${hexCode(packet.reasonCode)} ${disconnectReasonName(packet.reasonCode)})`;
    default:
      return `${verb} ${packet.type.toUpperCase()}`;
  }
}
