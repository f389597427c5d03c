import { expect, it } from 'vitest';
import { encode } from '../src/index.js';
import { expectRejected } from './support/fixtures.js';

it('a wildcard in a PUBLISH topic name is INVALID_TOPIC (0x90) on decode and on encode', () => {
  expectRejected('300500032f2b61', { code: 'INVALID_TOPIC', reasonCode: 0x90 }); // "/+a"
  expectRejected('3004000261 23'.replace(' ', ''), { code: 'INVALID_TOPIC', reasonCode: 0x90 }); // "a#"
  for (const topic of ['a/+', '#', 'sport/#', '']) {
    expect(() => encode({ type: 'publish', topic, payload: new Uint8Array(), qos: 0, retain: false, dup: false }, 4), topic).toThrow(expect.objectContaining({ code: 'INVALID_TOPIC' }));
  }
});
