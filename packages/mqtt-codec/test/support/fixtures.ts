// Runs a hex fixture that must be rejected: fed whole, then one byte at a time, it must throw an
// MqttProtocolError with the given code (and v5 reason), never anything else.
import { expect } from 'vitest';
import { Decoder, MqttProtocolError, type MqttErrorCode, type ProtocolVersion } from '../../src/index.js';
import { oneByteAtATime } from './feed.js';
import { bytes } from './vectors.js';

export interface Rejection {
  code: MqttErrorCode;
  reasonCode?: number;
  protocolVersion?: ProtocolVersion;
  maximumPacketSize?: number;
}

export function rejectedAt(chunks: readonly Uint8Array[], options: Rejection): { error: unknown; pushed: number } {
  const decoder = new Decoder({ protocolVersion: options.protocolVersion ?? 4, maximumPacketSize: options.maximumPacketSize });
  let pushed = 0;
  for (const chunk of chunks) {
    try {
      decoder.push(chunk);
    } catch (error) {
      // poisoned: the same error again, whatever comes next
      expect(() => decoder.push(new Uint8Array([0xc0, 0x00]))).toThrow(error as Error);
      return { error, pushed: pushed + chunk.length };
    }
    pushed += chunk.length;
  }
  return { error: undefined, pushed };
}

export function expectRejected(hex: string, options: Rejection): void {
  const data = bytes(hex);
  for (const [how, chunks] of [['whole', [data]], ['one byte at a time', oneByteAtATime(data)]] as const) {
    const { error } = rejectedAt(chunks, options);
    expect(error, how).toBeInstanceOf(MqttProtocolError);
    expect((error as MqttProtocolError).code, how).toBe(options.code);
    if (options.reasonCode !== undefined) expect((error as MqttProtocolError).reasonCode, how).toBe(options.reasonCode);
  }
}
