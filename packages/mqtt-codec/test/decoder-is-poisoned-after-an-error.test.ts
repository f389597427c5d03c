import { expect, it } from 'vitest';
import { Decoder, MqttProtocolError } from '../src/index.js';

it('after a protocol error every further push rethrows the same error', () => {
  const decoder = new Decoder({ protocolVersion: 4 });
  let first: unknown;
  try {
    decoder.push(new Uint8Array([0x00, 0x00]));
  } catch (error) {
    first = error;
  }
  expect(first).toBeInstanceOf(MqttProtocolError);
  expect(first).toMatchObject({ code: 'MALFORMED_PACKET', reasonCode: 0x81 });
  expect(decoder.state).toBe('failed');
  expect(() => decoder.push(new Uint8Array([0xc0, 0x00]))).toThrow(first as Error);
  expect(() => decoder.push(new Uint8Array([0xc0, 0x00]))).toThrow(first as Error);
});
