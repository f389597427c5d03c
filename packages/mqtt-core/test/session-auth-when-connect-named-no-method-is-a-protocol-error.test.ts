// [MQTT-4.12.0-6]: a broker must not send AUTH to a client whose CONNECT named no Authentication
// Method; one that does breaks the protocol (DISCONNECT 0x82). [MQTT-4.12.0-7]: nor may that client send AUTH.
import { expect, it } from 'vitest';
import { brokerAuth } from './helpers/auth-harness.js';
import { Harness } from './helpers/harness.js';

it('closes with DISCONNECT 0x82 on an AUTH from the broker', () => {
  const h = new Harness({ protocolVersion: 5 }).connect();
  h.brokerSends(brokerAuth(0x18, 'challenge'));
  expect(h.of('error')[0]?.error).toMatchObject({ code: 'PROTOCOL_ERROR', reasonCode: 0x82, message: expect.stringContaining('[MQTT-4.12.0-6]') });
  expect(h.broker.sent('disconnect')).toEqual([{ type: 'disconnect', reasonCode: 0x82 }]);
  expect(h.of('auth')).toEqual([]);
});

it('refuses to send AUTH itself (INVALID_STATE)', () => {
  const h = new Harness({ protocolVersion: 5 }).connect();
  expect(() => h.session.auth({ reasonCode: 0x19 }, h.now)).toThrow(expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('[MQTT-4.12.0-7]') }));
  expect(h.broker.sent('auth')).toEqual([]);
});
