// Throw helpers for the codec: every failure leaves as an MqttProtocolError with a stable code
// and, where one applies, the MQTT 5 reason code a server would send before closing.
import { MqttError, MqttProtocolError, type MqttErrorCode } from './errors.js';

/** v5 reason codes the codec's errors map to. */
export const REASON_MALFORMED_PACKET = 0x81;
export const REASON_PROTOCOL_ERROR = 0x82;
export const REASON_UNSUPPORTED_PROTOCOL_VERSION = 0x84;
export const REASON_TOPIC_FILTER_INVALID = 0x8f;
export const REASON_TOPIC_NAME_INVALID = 0x90;
export const REASON_PACKET_TOO_LARGE = 0x95;

export function fail(code: MqttErrorCode, message: string, reasonCode?: number): never {
  throw new MqttProtocolError(code, message, { reasonCode });
}

/** Bytes that cannot be a packet: truncated fields, leftovers, reserved bits. */
export function malformed(message: string): never {
  return fail('MALFORMED_PACKET', message, REASON_MALFORMED_PACKET);
}

/** QoS 3 on the wire: both QoS bits set ([MQTT-3.3.1-4] and its will/subscription twins). */
export function invalidQos(what: string): never {
  return fail('INVALID_QOS', `${what}: QoS 3`, REASON_MALFORMED_PACKET);
}

/** A packet object handed to `encode` that does not fit the packet model. */
export function invalidPacket(message: string): never {
  return fail('INVALID_PACKET', message);
}

/** Wraps anything that is not already an MqttError (a last line of defence: nothing else may escape). */
export function asMqttError(error: unknown, code: MqttErrorCode, reasonCode?: number): MqttError {
  if (error instanceof MqttError) return error;
  return new MqttProtocolError(code, `unexpected failure: ${String(error)}`, { reasonCode, cause: error });
}
