import fc from 'fast-check';
import { expect, it } from 'vitest';
import { encode, isMqttError, PACKET_TYPE_CODES, type Packet, type ProtocolVersion } from '../src/index.js';

const junk = fc.oneof(fc.anything(), fc.uint8Array(), fc.constant(null), fc.constant(-1), fc.constant(1e10));
const fieldNames = ['topic', 'payload', 'qos', 'retain', 'dup', 'packetId', 'properties', 'clientId', 'cleanStart', 'keepalive', 'will', 'username', 'password', 'protocolVersion', 'reasonCode', 'reasonCodes', 'subscriptions', 'topicFilters', 'sessionPresent'];
const junkPacket = fc.record({
  type: fc.oneof(fc.constantFrom(...Object.keys(PACKET_TYPE_CODES)), junk),
  fields: fc.dictionary(fc.constantFrom(...fieldNames), junk),
});

it('encode rejects arbitrary junk objects with an MqttError and nothing else', () => {
  fc.assert(
    fc.property(junkPacket, fc.constantFrom(3, 4, 5), ({ type, fields }, version) => {
      try {
        encode({ ...fields, type } as unknown as Packet, version as ProtocolVersion);
      } catch (error) {
        expect(isMqttError(error), String(error)).toBe(true);
      }
    }),
    { numRuns: 5000 },
  );
});
