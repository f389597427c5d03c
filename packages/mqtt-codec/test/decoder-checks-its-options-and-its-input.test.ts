import { describe, expect, it } from 'vitest';
import { Decoder, decodeOne, MqttError, isMqttError, isValidTopicName, type DecoderOptions } from '../src/index.js';

const hex = (s: string): Uint8Array => Uint8Array.from(s.split(' ').map((b) => Number.parseInt(b, 16)));
const thrown = (f: () => unknown): { code?: string; reasonCode?: number } | undefined => {
  try {
    f();
  } catch (error) {
    return error as { code?: string; reasonCode?: number };
  }
  return undefined;
};

describe('a Decoder checks what it is given', () => {
  it.each<[string, unknown]>([
    ['no options object', undefined],
    ['a protocol version other than 3, 4 or 5', { protocolVersion: 6 }],
    ['a maximumPacketSize below the minimum', { protocolVersion: 4, maximumPacketSize: 1 }],
    ['a maximumPacketSize that is not an integer', { protocolVersion: 4, maximumPacketSize: 10.5 }],
  ])('refuses %s with INVALID_ARGUMENT', (_what, options) => {
    expect(thrown(() => new Decoder(options as DecoderOptions))?.code).toBe('INVALID_ARGUMENT');
  });

  it('push() refuses a chunk that is not a Uint8Array with INVALID_ARGUMENT', () => {
    expect(thrown(() => new Decoder({ protocolVersion: 4 }).push('30 00' as unknown as Uint8Array))?.code).toBe('INVALID_ARGUMENT');
  });

  it('with a small maximumPacketSize, a remaining length still being read that already cannot fit is PACKET_TOO_LARGE at once', () => {
    const decoder = new Decoder({ protocolVersion: 4, maximumPacketSize: 2 });
    expect(thrown(() => decoder.push(hex('30 80')))).toMatchObject({ code: 'PACKET_TOO_LARGE', reasonCode: 0x95 });
  });

  it.each<[string, string, number]>([
    ['a CONNECT whose will QoS is 3 [MQTT-3.1.2-14]', '10 0c 00 04 4d 51 54 54 04 1e 00 3c 00 00', 4],
    ['a PUBLISH whose QoS bits are 3 [MQTT-3.3.1-4]', '36 05 00 01 74 00 01', 4],
  ])('refuses %s with INVALID_QOS, a Malformed Packet', (_what, bytes, version) => {
    expect(thrown(() => new Decoder({ protocolVersion: version as 4 }).push(hex(bytes)))).toMatchObject({ code: 'INVALID_QOS', reasonCode: 0x81 });
  });
});

describe('decodeOne', () => {
  it('decodes exactly one packet, and calls anything short of it or beyond it MALFORMED_PACKET', () => {
    expect(decodeOne(hex('d0 00'), 4)).toEqual({ type: 'pingresp' });
    expect(thrown(() => decodeOne(hex('d0 00 d0 00'), 4))?.code).toBe('MALFORMED_PACKET');
    expect(thrown(() => decodeOne(hex('d0 00 d0'), 4))?.code).toBe('MALFORMED_PACKET');
    expect(thrown(() => decodeOne(hex('30 05 00'), 4))?.code).toBe('MALFORMED_PACKET');
  });
});

describe('errors and topic names', () => {
  it('an MqttError keeps its cause; isMqttError also knows an MqttError from another copy of the package, and nothing else', () => {
    const cause = new Error('root');
    expect(new MqttError('TIMEOUT', 'late', { cause }).cause).toBe(cause);
    expect('cause' in new MqttError('TIMEOUT', 'late')).toBe(false);
    const foreign = Object.assign(new Error('from another bundle'), { name: 'MqttError', code: 'TIMEOUT' });
    expect(isMqttError(foreign)).toBe(true);
    expect(isMqttError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(false);
    expect(isMqttError(Object.assign(new Error('x'), { name: 'MqttError' }))).toBe(false);
    expect(isMqttError({ name: 'MqttError', code: 'TIMEOUT' })).toBe(false);
  });

  it('isValidTopicName refuses the empty topic and wildcards', () => {
    expect(['a/b', '', 'a/+', 'a/#', '$SYS/x'].map(isValidTopicName)).toEqual([true, false, false, false, true]);
  });
});
