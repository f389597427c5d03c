import { expect, it } from 'vitest';
import { encode, type PublishPacket } from '../src/index.js';
import { expectRejected } from './support/fixtures.js';

it('a PUBLISH with QoS 3 is rejected with INVALID_QOS (0x81) on decode and on encode', () => {
  expectRejected('3606000474657374', { code: 'INVALID_QOS', reasonCode: 0x81 });
  const packet = { type: 'publish', topic: 't', payload: new Uint8Array(), qos: 3, retain: false, dup: false, packetId: 1 } as unknown as PublishPacket;
  expect(() => encode(packet, 4)).toThrow(expect.objectContaining({ code: 'INVALID_QOS' }));
});
