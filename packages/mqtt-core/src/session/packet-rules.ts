// Which broker-to-client packet types each connection state accepts, and the small helpers the
// Session uses to build the packets it sends. Data and pure functions only.

import type { PacketType, Properties, ProtocolVersion } from '@x/mqtt-codec';

/** The states of a Session; see the README for the diagram. */
export type SessionState = 'disconnected' | 'connecting' | 'connected' | 'closing';

const V3_CONNECTED: readonly PacketType[] = ['publish', 'puback', 'pubrec', 'pubrel', 'pubcomp', 'suback', 'unsuback', 'pingresp'];
const NONE: ReadonlySet<PacketType> = new Set();
const ALLOWED: Readonly<Record<'v3' | 'v5', Readonly<Record<SessionState, ReadonlySet<PacketType>>>>> = {
  v3: { disconnected: NONE, closing: NONE, connecting: new Set(['connack']), connected: new Set(V3_CONNECTED) },
  v5: {
    disconnected: NONE,
    closing: NONE,
    connecting: new Set(['connack', 'auth', 'disconnect']),
    connected: new Set([...V3_CONNECTED, 'auth', 'disconnect']),
  },
};

/** Packet types a broker may send in `state` for protocol `version`; everything else is a protocol error. */
export function allowedInbound(state: SessionState, version: ProtocolVersion): ReadonlySet<PacketType> {
  return ALLOWED[version === 5 ? 'v5' : 'v3'][state];
}

/** Properties only when `version` is 5 and there are any: v3 packets carry none. */
export function v5Properties(version: ProtocolVersion, properties: Properties | undefined): Properties | undefined {
  return version === 5 && properties !== undefined && Object.keys(properties).length > 0 ? properties : undefined;
}

/** v5 reason codes the Session puts in DISCONNECT, PUBREL and PUBCOMP. */
export const ReasonCode = {
  SUCCESS: 0x00,
  MALFORMED_PACKET: 0x81,
  PROTOCOL_ERROR: 0x82,
  PACKET_ID_NOT_FOUND: 0x92,
  RECEIVE_MAXIMUM_EXCEEDED: 0x93,
  TOPIC_ALIAS_INVALID: 0x94,
  PACKET_TOO_LARGE: 0x95,
} as const;
