import { expect, it } from 'vitest';
import { Decoder, MqttProtocolError } from '../src/index.js';
import { oneByteAtATime } from './support/feed.js';
import { rejectedAt } from './support/fixtures.js';
import { bytes } from './support/vectors.js';

it('a 256 MB remaining length with maximumPacketSize 1 MiB is rejected after the 4 length bytes, with nothing buffered', () => {
  const header = bytes('30ffffff7f'); // PUBLISH, remaining length 268,435,455
  for (const chunks of [[header], oneByteAtATime(header)]) {
    const { error, pushed } = rejectedAt(chunks, { code: 'PACKET_TOO_LARGE', maximumPacketSize: 1024 * 1024 });
    expect(error).toBeInstanceOf(MqttProtocolError);
    expect(error).toMatchObject({ code: 'PACKET_TOO_LARGE', reasonCode: 0x95 });
    expect(pushed).toBe(5);
  }
  const decoder = new Decoder({ protocolVersion: 4, maximumPacketSize: 1024 * 1024 });
  decoder.push(header.subarray(0, 4));
  expect(decoder.buffered).toBe(4);
  expect(() => decoder.push(header.subarray(4))).toThrow(expect.objectContaining({ code: 'PACKET_TOO_LARGE' }));
});
