import { expect, it } from 'vitest';
import { isReasonCodeAllowed, reasonCodeName } from '../src/index.js';

it('reason codes are named per packet, and 3.1.1 CONNACK return codes by level', () => {
  expect(reasonCodeName(0x00, 'disconnect')).toBe('Normal disconnection');
  expect(reasonCodeName(0x00, 'suback')).toBe('Granted QoS 0');
  expect(reasonCodeName(0x87, 'puback')).toBe('Not authorized');
  expect(reasonCodeName(0x05, 'connack', 4)).toBe('Connection Refused, not authorized');
  expect(reasonCodeName(0x95)).toBe('Packet too large');
  expect(reasonCodeName(0x42, 'puback')).toBeUndefined();
  expect(isReasonCodeAllowed('pubrel', 0x92)).toBe(true);
  expect(isReasonCodeAllowed('pubrel', 0x10)).toBe(false);
});
