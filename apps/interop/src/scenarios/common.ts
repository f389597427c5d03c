// Shared pieces of scenarios: QoS applicability, payload fixtures and byte comparison.
import type { BrokerHandle, Version } from '../types.js';

/** Every byte value once: a payload that survives only if nobody treats it as text. */
export const BINARY = Uint8Array.from({ length: 256 }, (_, i) => i);

export function needsQos(qos: number): (broker: BrokerHandle, version: Version) => string | undefined {
  return (broker) => (broker.caps.maxQos < qos ? (broker.caps.qosNote ?? `${broker.name} does not support QoS ${qos}`) : undefined);
}

/** The highest QoS both the scenario wants and the broker supports. */
export function qosFor(broker: BrokerHandle, wanted: 0 | 1 | 2): 0 | 1 | 2 {
  return Math.min(wanted, broker.caps.maxQos) as 0 | 1 | 2;
}

export function bytes(value: Uint8Array | string): Uint8Array {
  return typeof value === 'string' ? new TextEncoder().encode(value) : value;
}

export function hex(value: Uint8Array | undefined): string {
  return value === undefined ? '(none)' : Buffer.from(value).toString('hex');
}

/** Throws with both sides in hex unless the byte strings are equal. */
export function assertBytes(actual: Uint8Array | undefined, expected: Uint8Array | string, what: string): void {
  const want = bytes(expected);
  if (actual === undefined || Buffer.compare(Buffer.from(actual), Buffer.from(want)) !== 0) {
    throw new Error(`${what}: expected ${hex(want).slice(0, 80)} (${want.length} bytes), got ${hex(actual).slice(0, 80)} (${actual?.length ?? 0} bytes)`);
  }
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function assert(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(what);
}
