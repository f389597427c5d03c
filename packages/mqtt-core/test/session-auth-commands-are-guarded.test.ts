// What Session.auth() refuses, with typed errors and nothing sent: a second re-authentication while
// one is in progress, 0x19 before CONNACK [MQTT-4.12.1-1], 0x18 outside an exchange (it answers the
// broker [MQTT-4.12.0-3]), and 0x00, which only a broker sends (Table 3.15.2.1).
import { expect, it } from 'vitest';
import { connectedWithMethod } from './helpers/auth-harness.js';
import { Harness } from './helpers/harness.js';

it('refuses a second re-authentication while one is in progress', () => {
  const h = connectedWithMethod();
  h.run(h.session.auth({ reasonCode: 0x19 }, h.now));
  expect(() => h.session.auth({ reasonCode: 0x19 }, h.now)).toThrow(expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringContaining('already in progress') }));
  expect(h.broker.sent('auth')).toHaveLength(1);
});

it('refuses 0x18 with no exchange in progress, and 0x00 always', () => {
  const h = connectedWithMethod();
  expect(() => h.session.auth({ reasonCode: 0x18 }, h.now)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  expect(() => h.session.auth({ reasonCode: 0x00 }, h.now)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  expect(h.broker.sent('auth')).toEqual([]);
});

it('refuses 0x19 before CONNACK, but answers with 0x18 then', () => {
  const h = new Harness({ protocolVersion: 5, connectProperties: { authenticationMethod: 'M' } });
  h.broker.answer = () => [];
  h.connect();
  expect(() => h.session.auth({ reasonCode: 0x19 }, h.now)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  h.run(h.session.auth({ reasonCode: 0x18 }, h.now));
  expect(h.broker.sent('auth')).toEqual([{ type: 'auth', reasonCode: 0x18, properties: { authenticationMethod: 'M' } }]);
});
