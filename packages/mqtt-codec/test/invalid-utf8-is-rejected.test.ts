import { expect, it } from 'vitest';
import { encode } from '../src/index.js';
import { expectRejected } from './support/fixtures.js';

it('ill-formed UTF-8 and encoded surrogates in a string are INVALID_UTF8 (0x81)', () => {
  expectRejected('300500037466ff', { code: 'INVALID_UTF8', reasonCode: 0x81 }); // topic "tf\xff"
  expectRejected('3005000374c328', { code: 'INVALID_UTF8', reasonCode: 0x81 }); // truncated 2-byte sequence
  expectRejected('30050003eda080', { code: 'INVALID_UTF8', reasonCode: 0x81 }); // U+D800 encoded
  expectRejected('30050003c0af61', { code: 'INVALID_UTF8', reasonCode: 0x81 }); // overlong '/'
  expect(() => encode({ type: 'publish', topic: 'a\ud800', payload: new Uint8Array(), qos: 0, retain: false, dup: false }, 4)).toThrow(expect.objectContaining({ code: 'INVALID_UTF8' }));
});
