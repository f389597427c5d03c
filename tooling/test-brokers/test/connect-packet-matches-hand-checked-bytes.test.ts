import { expect, test } from 'vitest';
import { connectPacket, toHex } from '../src/index.js';

test('an MQTT 3.1.1 CONNECT with client id "a" is the bytes of the spec example layout', () => {
  expect(toHex(connectPacket({ clientId: 'a', keepAlive: 60 }))).toBe('10 0d 00 04 4d 51 54 54 04 02 00 3c 00 01 61');
});

test('username and password set their flags and follow the client id', () => {
  expect(toHex(connectPacket({ clientId: 'a', username: 'u', password: 'p', keepAlive: 0 }))).toBe(
    '10 13 00 04 4d 51 54 54 04 c2 00 00 00 01 61 00 01 75 00 01 70',
  );
});

test('an MQTT 5 CONNECT carries an empty property length', () => {
  expect(toHex(connectPacket({ clientId: 'a', protocolVersion: 5, keepAlive: 60 }))).toBe('10 0e 00 04 4d 51 54 54 05 02 00 3c 00 00 01 61');
});
