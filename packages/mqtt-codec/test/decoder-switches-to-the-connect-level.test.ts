import { expect, it } from 'vitest';
import { Decoder, encode } from '../src/index.js';

it('a decoder that sees a CONNECT switches to that packet’s protocol level', () => {
  const decoder = new Decoder({ protocolVersion: 4 });
  const connect = encode({ type: 'connect', protocolVersion: 5, clientId: 'c', cleanStart: true, keepalive: 10 }, 5);
  const puback = encode({ type: 'puback', packetId: 9, reasonCode: 0x10 }, 5);
  const [first, second] = decoder.push(Buffer.concat([connect, puback]));
  expect(first).toMatchObject({ type: 'connect', protocolVersion: 5 });
  expect(decoder.protocolVersion).toBe(5);
  expect(second).toEqual({ type: 'puback', packetId: 9, reasonCode: 0x10 });
  decoder.protocolVersion = 3;
  expect(decoder.protocolVersion).toBe(3);
  expect(() => {
    decoder.protocolVersion = 6 as never;
  }).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_PROTOCOL_VERSION' }));
});
