// CONNACK return codes (3.1/3.1.1) and reason codes (5.0) as text, and the v5 reason code that a
// v3 refusal maps to, so that every refusal surfaces as one typed CONNECTION_REFUSED error.

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

const V5_TEXT: Readonly<Record<number, string>> = {
  0x00: 'Success',
  0x80: 'Unspecified error',
  0x81: 'Malformed Packet',
  0x82: 'Protocol Error',
  0x83: 'Implementation specific error',
  0x84: 'Unsupported Protocol Version',
  0x85: 'Client Identifier not valid',
  0x86: 'Bad User Name or Password',
  0x87: 'Not authorized',
  0x88: 'Server unavailable',
  0x89: 'Server busy',
  0x8a: 'Banned',
  0x8b: 'Server shutting down',
  0x8c: 'Bad authentication method',
  0x8d: 'Keep Alive timeout',
  0x8e: 'Session taken over',
  0x8f: 'Topic Filter invalid',
  0x90: 'Topic Name invalid',
  0x93: 'Receive Maximum exceeded',
  0x94: 'Topic Alias invalid',
  0x95: 'Packet too large',
  0x97: 'Quota exceeded',
  0x99: 'Payload format invalid',
  0x9a: 'Retain not supported',
  0x9b: 'QoS not supported',
  0x9c: 'Use another server',
  0x9d: 'Server moved',
  0x9f: 'Connection rate exceeded',
};

/** Paho's connack_string: the text of a CONNACK code for the given protocol level. */
export function connackString(code: number, protocolVersion: 3 | 4 | 5 = 4): string {
  // A v3-only server answers a v5 CONNECT with a 3.1.1 return code (1: unacceptable protocol version).
  if (protocolVersion === 5 && (code === 0 || code >= 0x80)) return V5_TEXT[code] ?? `Unknown reason code 0x${code.toString(16)}`;
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
