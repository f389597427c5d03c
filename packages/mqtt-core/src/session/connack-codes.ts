// CONNACK return codes (3.1/3.1.1) and reason codes (5.0) as text, and the v5 reason code that a
// v3 refusal maps to, so that every refusal surfaces as one typed CONNECTION_REFUSED error; and
// DISCONNECT reason codes as text. The v5 names come from the codec's per-packet reason code
// table (0x94 is "Topic Alias invalid" on DISCONNECT); the v3 texts are Paho's own wording.

import { reasonCodeName } from '@x/mqtt-codec';

const V3_TEXT: Readonly<Record<number, string>> = {
  0: 'Connection Accepted.',
  1: 'Connection Refused: unacceptable protocol version.',
  2: 'Connection Refused: identifier rejected.',
  3: 'Connection Refused: broker unavailable.',
  4: 'Connection Refused: bad user name or password.',
  5: 'Connection Refused: not authorised.',
};

/** v3 return code -> the v5 reason code of the same meaning. */
const V3_TO_V5: Readonly<Record<number, number>> = { 1: 0x84, 2: 0x85, 3: 0x88, 4: 0x86, 5: 0x87 };

/** Paho's connack_string: the text of a CONNACK code for the given protocol level. */
export function connackString(code: number, protocolVersion: 3 | 4 | 5 = 4): string {
  // A v3-only server answers a v5 CONNECT with a 3.1.1 return code (1: unacceptable protocol version).
  if (protocolVersion === 5 && (code === 0 || code >= 0x80)) return reasonCodeName(code, 'connack') ?? `Unknown reason code 0x${code.toString(16)}`;
  return V3_TEXT[code] ?? 'Connection Refused: unknown reason.';
}

/** True when a CONNACK code means the connection was refused: anything but 0, at every level. */
export function isConnackRefusal(code: number, _protocolVersion: 3 | 4 | 5): boolean {
  return code !== 0;
}

/** The v5 reason code a CONNACK refusal maps to (v3 codes are translated; unknown v3 codes give 0x80). */
export function connackReasonCode(code: number, protocolVersion: 3 | 4 | 5): number {
  return protocolVersion === 5 && code >= 0x80 ? code : (V3_TO_V5[code] ?? 0x80);
}

/** A reason code in hex as logs show it: 0x94. */
export function hexCode(code: number): string {
  return `0x${code.toString(16).padStart(2, '0')}`;
}

/** The name of a v5 DISCONNECT reason code, from the DISCONNECT table (issue 12 item 16): "Topic Alias invalid". */
export function disconnectReasonName(code: number): string {
  return reasonCodeName(code, 'disconnect') ?? 'Unknown reason code';
}

/** The text of a v5 DISCONNECT reason code for an error message: "Topic Alias invalid (0x94)". */
export function disconnectString(code: number): string {
  return `${disconnectReasonName(code)} (${hexCode(code)})`;
}
