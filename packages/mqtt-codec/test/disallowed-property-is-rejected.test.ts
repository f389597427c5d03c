import { expect, it } from 'vitest';
import { encode } from '../src/index.js';
import { expectRejected } from './support/fixtures.js';

it('a property not allowed on the packet is INVALID_PROPERTY (0x81) on decode and on encode', () => {
  // PUBACK carrying Topic Alias (0x23)
  expectRejected('4007000100032300 01'.replace(' ', ''), { code: 'INVALID_PROPERTY', reasonCode: 0x81, protocolVersion: 5 });
  // PUBLISH carrying Session Expiry Interval (0x11)
  expectRejected('300a0001740511000000016f', { code: 'INVALID_PROPERTY', reasonCode: 0x81, protocolVersion: 5 });
  expect(() => encode({ type: 'puback', packetId: 1, reasonCode: 0, properties: { topicAlias: 1 } }, 5)).toThrow(expect.objectContaining({ code: 'INVALID_PROPERTY' }));
});
