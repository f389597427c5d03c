// Run-time argument checks for callers TypeScript cannot protect (plain JavaScript, `as any`):
// every wrong type becomes an MqttError INVALID_ARGUMENT that names the argument, never a
// TypeError from deep inside. Messages name the type received, never its value (it may be a secret).
import { MqttError } from '@x/mqtt-codec';
import { isValidTopicFilter } from '@x/mqtt-core';

/** An INVALID_ARGUMENT MqttError: the one way the facade builds one (one call, not 30 copies of the code string). */
export function refused(message: string): MqttError {
  return new MqttError('INVALID_ARGUMENT', message);
}

/** What a value is, for a message: its type, never its content. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Uint8Array) return 'bytes';
  const type = typeof value;
  return type === 'object' ? 'an object' : type === 'undefined' ? 'undefined' : `a ${type}`;
}

export function invalid(name: string, expected: string, value: unknown): MqttError {
  return refused(`${name} must be ${expected}, not ${kindOf(value)}`);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** An options object (undefined means none given). */
export function checkObject(value: unknown, name: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw invalid(name, 'an object', value);
  return value;
}

/** Refuses keys not in `known`; `hints` suggest what a Paho or MQTT.js user meant. */
export function checkKeys(value: Record<string, unknown>, known: readonly string[], name: string, hints: Readonly<Record<string, string>> = {}): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const hint = hints[key];
    throw refused(`${name}: unknown option ${JSON.stringify(key)}${hint !== undefined ? ` (${hint})` : ''}`);
  }
}

export function checkString(value: unknown, name: string): string {
  if (typeof value !== 'string') throw invalid(name, 'a string', value);
  return value;
}

export function checkOptionalString(value: unknown, name: string): string | undefined {
  return value === undefined ? undefined : checkString(value, name);
}

export function checkBoolean(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw invalid(name, 'true or false', value);
  return value;
}

export function checkOptionalBoolean(value: unknown, name: string): boolean | undefined {
  return value === undefined ? undefined : checkBoolean(value, name);
}

export function checkFunction(value: unknown, name: string): (...args: never[]) => unknown {
  if (typeof value !== 'function') throw invalid(name, 'a function', value);
  return value as (...args: never[]) => unknown;
}

/** A finite number in [min, max] (integers only with `integer`). */
export function checkNumber(value: unknown, name: string, range: { min?: number; max?: number; integer?: boolean; above?: number } = {}): number {
  const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, integer = false, above } = range;
  const what = `${integer ? 'a whole number' : 'a number'}${above !== undefined ? ` > ${above}` : ''}${Number.isFinite(min) ? ` >= ${min}` : ''}${Number.isFinite(max) ? ` <= ${max}` : ''}`;
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max || (above !== undefined && value <= above)) {
    if (typeof value === 'number') throw refused(`${name} must be ${what}, not ${String(value)}`);
    throw invalid(name, what, value);
  }
  return value;
}

export function checkOptionalNumber(value: unknown, name: string, range: Parameters<typeof checkNumber>[2] = {}): number | undefined {
  return value === undefined ? undefined : checkNumber(value, name, range);
}

/** A TCP port: 1..65535. */
export function checkPort(value: unknown, name = 'port'): number {
  return checkNumber(value, name, { integer: true, min: 1, max: 65535 });
}

export function checkBytes(value: unknown, name: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw invalid(name, 'bytes (a Uint8Array)', value);
  return value;
}

/** A string or bytes (passwords, PEM): strings and Uint8Array only. */
export function checkStringOrBytes(value: unknown, name: string): string | Uint8Array {
  if (typeof value !== 'string' && !(value instanceof Uint8Array)) throw invalid(name, 'a string or bytes', value);
  return value;
}

export function checkAbortSignal(value: unknown, name: string): AbortSignal | undefined {
  if (value === undefined) return undefined;
  const signal = value as Partial<AbortSignal> | null;
  if (typeof signal !== 'object' || signal === null || typeof signal.aborted !== 'boolean' || typeof signal.addEventListener !== 'function') {
    throw invalid(name, 'an AbortSignal', value);
  }
  return value as AbortSignal;
}

/** A subscription filter the broker would accept: a string, wildcards where [MQTT-4.7.1-2]/[MQTT-4.7.1-3] allow them. */
export function checkFilter(value: unknown, name = 'topic filter'): string {
  if (typeof value !== 'string' || value.length === 0) throw new MqttError('INVALID_TOPIC', `${name} must be a non-empty string, not ${kindOf(value)}`);
  if (!isValidTopicFilter(value)) throw new MqttError('INVALID_TOPIC', `${name} ${JSON.stringify(value)} puts a wildcard where it is not allowed`);
  return value;
}

/** v5 properties: an object (the codec checks names and values when it encodes). */
export function checkOptionalProperties(value: unknown, name: string): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw invalid(name, 'an object of MQTT 5 properties', value);
  return value;
}

/** A node:tls SecureContext (or anything object-like a runtime uses for one). */
export function checkSecureContext(value: unknown, name = 'tlsSetContext() context'): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(name, 'a SecureContext', value);
}
