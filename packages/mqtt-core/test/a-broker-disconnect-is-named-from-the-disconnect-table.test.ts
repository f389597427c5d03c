// A v5 DISCONNECT's reason code is named from the codec's DISCONNECT table, not the CONNACK one
// (issue 12 item 16): 0x94 reads "Topic Alias invalid", not "Unknown reason code 0x94".
import { describe, expect, it } from 'vitest';
import { describePacket } from '../src/driver/describe-packet.js';
import { Harness } from './helpers/harness.js';

const disconnectError = (reasonCode: number): string => {
  const h = new Harness({ protocolVersion: 5 }).connect();
  h.clear();
  h.brokerSends({ type: 'disconnect', reasonCode });
  const error = h.of('disconnected')[0]?.error;
  return error?.message ?? '';
};

describe('the error of a broker DISCONNECT', () => {
  it.each([
    ['0x94', 'Topic Alias invalid'],
    ['0x8b', 'Server shutting down'],
    ['0x8d', 'Keep Alive timeout'],
    ['0x8e', 'Session taken over'],
    ['0x93', 'Receive Maximum exceeded'],
    ['0x00', 'Normal disconnection'],
  ])('names reason code %s by its DISCONNECT name', (hex, name) => {
    expect(disconnectError(Number(hex))).toBe(`the broker disconnected: ${name} (${hex})`);
  });
});

describe('the debug line of a DISCONNECT', () => {
  it('carries the reason code and its DISCONNECT name', () => {
    expect(describePacket({ type: 'disconnect', reasonCode: 0x94 }, 'Sending')).toBe('Sending DISCONNECT (0x94 Topic Alias invalid)');
    expect(describePacket({ type: 'disconnect' }, 'Received')).toBe('Received DISCONNECT');
  });
});
