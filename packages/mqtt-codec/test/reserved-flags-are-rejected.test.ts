import { expect, it } from 'vitest';
import { encode } from '../src/index.js';
import { expectRejected } from './support/fixtures.js';

it('wrong reserved fixed-header flags are rejected with INVALID_FLAGS (0x81)', () => {
  expectRejected('60020002', { code: 'INVALID_FLAGS', reasonCode: 0x81 }); // PUBREL needs 0b0010
  expectRejected('8009000600047465737400', { code: 'INVALID_FLAGS', reasonCode: 0x81 }); // SUBSCRIBE needs 0b0010
  expectRejected('41020002', { code: 'INVALID_FLAGS', reasonCode: 0x81 }); // PUBACK needs 0
  expectRejected('3806000474657374', { code: 'INVALID_FLAGS', reasonCode: 0x81 }); // PUBLISH QoS 0 with DUP
  expect(() => encode({ type: 'publish', topic: 't', payload: new Uint8Array(), qos: 0, retain: false, dup: true }, 4)).toThrow(expect.objectContaining({ code: 'INVALID_FLAGS' }));
});
