// The one way a command reports a user error: an MqttError whose message is the single stderr line.
// main() prints `xmqtt <command>: <message>` and exits 1 (2 for a bad flag), never a stack trace.
import { MqttError, isMqttError } from '@x/mqtt';

/** A bad flag or flag value: exit code 2. */
export function usageError(message: string): MqttError {
  return new MqttError('INVALID_ARGUMENT', message);
}

/** One line for any error: MqttError's code and message, a Node error's message. */
export function errorLine(error: unknown): string {
  if (isMqttError(error)) {
    const reason = error.reasonCode !== undefined && error.code !== 'INVALID_ARGUMENT' ? ` (reason code ${error.reasonCode})` : '';
    return error.code === 'INVALID_ARGUMENT' ? error.message : `${error.code}: ${error.message}${reason}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Parses a non-negative number flag, or throws a usage error naming the flag. */
export function numberFlag(name: string, value: string | undefined, fallback: number, { integer = true, min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw usageError(`${name}: '${value}' is not ${integer ? 'an integer' : 'a number'} in ${min}..${max}`);
  }
  return n;
}
