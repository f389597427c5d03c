import { expect, it } from 'vitest';
import { encode } from '../src/index.js';
import { expectRejected } from './support/fixtures.js';

it('U+0000 in a string is INVALID_UTF8 (0x81) on decode and on encode', () => {
  expectRejected('30050003610062', { code: 'INVALID_UTF8', reasonCode: 0x81 }); // topic "a\0b"
  expectRejected('820e007b000a68696a6b6c2f6d6e6f0000', { code: 'INVALID_UTF8', reasonCode: 0x81 }); // in a topic filter
  expect(() => encode({ type: 'connect', protocolVersion: 4, clientId: 'a\u0000', cleanStart: true, keepalive: 0 }, 4)).toThrow(expect.objectContaining({ code: 'INVALID_UTF8' }));
});
