// The engine's debug lines for packets sent and received (Paho's style): every packet type is named, and no
// password, authentication data or payload appears.
import { expect, it } from 'vitest';
import { describePacket } from '../src/driver/describe-packet.js';
import { text } from './helpers/harness.js';

it('names each packet with its flags and ids, never the password or the payload', () => {
  const connect = describePacket({ type: 'connect', protocolVersion: 4, clientId: 'c', cleanStart: true, keepalive: 60, username: 'u', password: text('secret'), will: { topic: 'w', payload: text('x'), qos: 1, retain: true } }, 'Sending');
  expect(connect).toBe('Sending CONNECT (u1, p1, wr1, wq1, wf1, c1, k60) client_id="c"');
  expect(describePacket({ type: 'connect', protocolVersion: 4, clientId: 'c', cleanStart: false, keepalive: 0 }, 'Sending')).toBe('Sending CONNECT (u0, p0, wr0, wq0, wf0, c0, k0) client_id="c"');
  expect(describePacket({ type: 'publish', topic: 't', payload: text('hidden'), qos: 1, retain: true, dup: true, packetId: 7 }, 'Sending')).toBe("Sending PUBLISH (d1, q1, r1, m7), 't', ... (6 bytes)");
  expect(describePacket({ type: 'publish', topic: 't', payload: text(''), qos: 0, retain: false, dup: false }, 'Sending')).toBe("Sending PUBLISH (d0, q0, r0, m0), 't', ... (0 bytes)");
  for (const type of ['puback', 'pubrec', 'pubrel', 'pubcomp'] as const) expect(describePacket({ type, packetId: 3 }, 'Sending')).toBe(`Sending ${type.toUpperCase()} (Mid: 3)`);
  expect(describePacket({ type: 'subscribe', packetId: 4, subscriptions: [{ topicFilter: 'a', qos: 0 }] }, 'Sending')).toBe('Sending SUBSCRIBE (Mid: 4)');
  expect(describePacket({ type: 'unsubscribe', packetId: 5, topicFilters: ['a'] }, 'Sending')).toBe('Sending UNSUBSCRIBE (Mid: 5)');
  expect(describePacket({ type: 'pingreq' }, 'Sending')).toBe('Sending PINGREQ');
  expect(connect).not.toContain('secret');
});

it('names packets received the same way', () => {
  expect(describePacket({ type: 'connack', sessionPresent: true, reasonCode: 0 }, 'Received')).toBe('Received CONNACK (1, 0)');
  expect(describePacket({ type: 'puback', packetId: 9 }, 'Received')).toBe('Received PUBACK (Mid: 9)');
  expect(describePacket({ type: 'suback', packetId: 2, reasonCodes: [1] }, 'Received')).toBe('Received SUBACK (Mid: 2)');
  expect(describePacket({ type: 'publish', topic: 'a', payload: text('secret'), qos: 2, retain: false, dup: false, packetId: 4 }, 'Received')).toBe("Received PUBLISH (d0, q2, r0, m4), 'a', ... (6 bytes)");
  expect(describePacket({ type: 'pingresp' }, 'Received')).toBe('Received PINGRESP');
});
