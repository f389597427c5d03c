import { expect, it } from 'vitest';
import { encode } from '../src/index.js';
import { expectRejected } from './support/fixtures.js';

it('packet identifier 0 where one is required is INVALID_PACKET_ID', () => {
  expectRejected('320600017400006f', { code: 'INVALID_PACKET_ID', reasonCode: 0x82 }); // PUBLISH QoS 1
  expectRejected('40020000', { code: 'INVALID_PACKET_ID', reasonCode: 0x82 }); // PUBACK
  expectRejected('82060000000161 00'.replace(' ', ''), { code: 'INVALID_PACKET_ID', reasonCode: 0x82 }); // SUBSCRIBE
  expect(() => encode({ type: 'puback', packetId: 0 }, 4)).toThrow(expect.objectContaining({ code: 'INVALID_PACKET_ID' }));
  expect(() => encode({ type: 'publish', topic: 't', payload: new Uint8Array(), qos: 1, retain: false, dup: false }, 4)).toThrow(expect.objectContaining({ code: 'INVALID_PACKET_ID' }));
});
