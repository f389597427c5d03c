import { describe, expect, it } from 'vitest';
import { connackString, disconnectReasonName, disconnectString } from '../src/session/connack-codes.js';

describe('reason code texts', () => {
  it('a v5 CONNACK code is named from the CONNACK table, an unknown one says so with its value', () => {
    expect(connackString(0x87, 5)).toBe('Not authorized');
    expect(connackString(0xfe, 5)).toBe('Unknown reason code 0xfe');
    expect(connackString(1, 5)).toBe(connackString(1, 4)); // a v3-only server's return code
  });

  it('a DISCONNECT code is named from the DISCONNECT table, an unknown one says so', () => {
    expect(disconnectString(0x94)).toBe('Topic Alias invalid (0x94)');
    expect(disconnectReasonName(0x00)).toBe('Normal disconnection');
    expect(disconnectReasonName(0x33)).toBe('Unknown reason code');
    expect(disconnectString(0x33)).toBe('Unknown reason code (0x33)');
  });
});
