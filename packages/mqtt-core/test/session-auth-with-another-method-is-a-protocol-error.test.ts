// [MQTT-4.12.0-5]: every AUTH carries the method CONNECT named. One with another method (or none)
// breaks the protocol: the client sends DISCONNECT 0x82 (Protocol Error) when connected, and closes.
import { expect, it } from 'vitest';
import { brokerAuth, connectedWithMethod } from './helpers/auth-harness.js';
import { Harness } from './helpers/harness.js';

it('closes with DISCONNECT 0x82 when the broker answers a re-authentication with another method', () => {
  const h = connectedWithMethod();
  h.run(h.session.auth({ reasonCode: 0x19 }, h.now));
  h.brokerSends(brokerAuth(0x18, 'x', 'OTHER'));
  expect(h.of('error')[0]?.error).toMatchObject({ code: 'PROTOCOL_ERROR', reasonCode: 0x82 });
  expect(h.broker.sent('disconnect')).toEqual([{ type: 'disconnect', reasonCode: 0x82 }]);
  expect(h.of('auth')).toEqual([]);
  expect(h.session.state).toBe('disconnected');
});

it('is a protocol error while connecting too, for an AUTH with no method at all', () => {
  const h = new Harness({ protocolVersion: 5, connectProperties: { authenticationMethod: 'M' } });
  h.broker.answer = () => [];
  h.connect();
  h.brokerSends({ type: 'auth', reasonCode: 0x18 });
  expect(h.of('error')[0]?.error).toMatchObject({ code: 'PROTOCOL_ERROR', message: expect.stringContaining('[MQTT-4.12.0-5]') });
  expect(h.of('auth')).toEqual([]);
  expect(h.session.state).toBe('disconnected');
});
