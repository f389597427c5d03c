// The broker answers, it never starts an exchange: AUTH 0x19 is the client's code (Table 3.15.2.1,
// [MQTT-3.15.2-1]); 0x18 comes only while connecting [MQTT-4.12.0-2] or re-authenticating; 0x00
// only ends a re-authentication (CONNECT's exchange ends with CONNACK). Anything else: DISCONNECT 0x82.
import { expect, it } from 'vitest';
import { brokerAuth, connectedWithMethod } from './helpers/auth-harness.js';
import { Harness } from './helpers/harness.js';

it.each([
  ['0x19 from the broker', 0x19, true],
  ['0x18 with no exchange in progress', 0x18, false],
  ['0x00 with no exchange in progress', 0x00, false],
  ['0x19 during a re-authentication', 0x19, true],
])('%s closes the connection with 0x82', (_name, reasonCode, reauth) => {
  const h = connectedWithMethod();
  if (reauth) h.run(h.session.auth({ reasonCode: 0x19 }, h.now));
  h.brokerSends(brokerAuth(reasonCode));
  expect(h.of('error')[0]?.error).toMatchObject({ code: 'PROTOCOL_ERROR', reasonCode: 0x82 });
  expect(h.broker.sent('disconnect')).toEqual([{ type: 'disconnect', reasonCode: 0x82 }]);
  expect(h.of('auth')).toEqual([]);
});

it('AUTH 0x00 before CONNACK is a protocol error; AUTH 0x18 then is the exchange', () => {
  const h = new Harness({ protocolVersion: 5, connectProperties: { authenticationMethod: 'M' } });
  h.broker.answer = () => [];
  h.connect();
  h.brokerSends(brokerAuth(0x18, 'challenge'));
  expect(h.of('auth')).toEqual([brokerAuth(0x18, 'challenge')]);
  h.brokerSends(brokerAuth(0x00));
  expect(h.of('error')[0]?.error).toMatchObject({ code: 'PROTOCOL_ERROR', message: expect.stringContaining('success is CONNACK') });
  expect(h.session.state).toBe('disconnected');
});
